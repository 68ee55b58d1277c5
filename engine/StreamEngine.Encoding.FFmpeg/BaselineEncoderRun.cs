using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// The benchmark's yardstick: ffmpeg alone, with exactly the arguments of <see cref="FFmpegEncoder"/> (both call
/// <see cref="FFmpegArguments.ForEncode"/>), fed the same raw BGRA frames through its stdin at the frame rate from
/// memory, and writing MPEG-TS to /dev/null. Its CPU use is what the encode itself costs, without the engine.
/// (A file looped by ffmpeg itself with <c>-re -stream_loop</c> is not a fair yardstick: ffmpeg 5.1 then reads
/// fewer frames than the rate and fills in duplicates, which are cheaper to encode.)
/// </summary>
public sealed class BaselineEncoderRun(EncoderSettings settings, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly ILogger<BaselineEncoderRun> _logger = loggerFactory.CreateLogger<BaselineEncoderRun>();

    /// <summary>
    /// Encodes <paramref name="frames"/> (whole BGRA frames of <paramref name="format"/>, fed in a loop at the frame rate)
    /// for <paramref name="duration"/> after a one-second warm-up, and measures ffmpeg's CPU as the OS accounts it.
    /// </summary>
    public async Task<BaselineResult> RunAsync(IReadOnlyList<ReadOnlyMemory<byte>> frames, VideoFormat format, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (frames.Count == 0 || frames.Any(f => f.Length != format.FrameBytes))
            throw new ArgumentException($"expected at least one frame, each a whole {format} BGRA frame of {format.FrameBytes} bytes", nameof(frames));
        var encoder = await new HardwareEncoderProbe(loggerFactory.CreateLogger<HardwareEncoderProbe>())
            .ChooseAsync(settings).WaitAsync(cancellationToken).ConfigureAwait(false);
        // The baseline is ffmpeg converting BGRA itself, as before the engine did it: that is what the bench compares against.
        var arguments = FFmpegArguments.ForEncode(settings with { PixelFormat = PixelFormat.Bgra }, format, encoder, ["-f", "mpegts", "-y", "/dev/null"]);
        using var ffmpeg = FFmpegProcess.Start(settings.FFmpegPath, arguments, rawFrames: true);
        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeder = Task.Factory.StartNew(() => Feed(frames, format, ffmpeg.Input, feeding.Token), TaskCreationOptions.LongRunning);
        try
        {
            await Task.Delay(WarmUp, cancellationToken).ConfigureAwait(false);
            var meter = new ProcessCpuMeter(ffmpeg.Id);
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            var cpu = meter.Sample();
            if (cpu is null || ffmpeg.HasExited)
                throw new InvalidOperationException("The baseline ffmpeg stopped early: " + ffmpeg.DescribeExit());
            _logger.LogInformation("Baseline encode {Format} with {Encoder}: {Cpu:0.0} % of one core over {Seconds:0.#} s",
                format, encoder.Name, cpu, duration.TotalSeconds);
            return new BaselineResult(cpu.Value, duration, encoder.Name, arguments);
        }
        finally
        {
            feeding.Cancel();
            ffmpeg.Kill();
            await ffmpeg.WaitOrKillAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await feeder.ConfigureAwait(false);
        }
    }

    /// <summary>Writes the frames in a loop, one every 1/fps seconds, until cancelled or ffmpeg goes away.</summary>
    private static void Feed(IReadOnlyList<ReadOnlyMemory<byte>> frames, VideoFormat format, Stream input, CancellationToken stop)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                input.Write(frames[(int)(n % frames.Count)].Span);
                var due = TimeSpan.FromSeconds((n + 1.0) / format.Fps) - TimeProvider.System.GetElapsedTime(started);
                if (due > TimeSpan.Zero) stop.WaitHandle.WaitOne(due);
            }
        }
        catch (IOException) { } // ffmpeg was stopped
        catch (ObjectDisposedException) { }
    }
}
