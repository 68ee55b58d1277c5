using Microsoft.Extensions.Logging;
using StreamEngine.Core.Diagnostics;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// The benchmark's yardstick: ffmpeg alone, with exactly the encode arguments of <see cref="FFmpegEncoder"/>
/// (both call <see cref="FFmpegArguments.ForEncode"/>), reading raw BGRA frames from a file at native rate and
/// writing MPEG-TS to /dev/null. Its CPU use is what the encode itself costs, without the engine.
/// </summary>
public sealed class BaselineEncoderRun(EncoderSettings settings, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly ILogger<BaselineEncoderRun> _logger = loggerFactory.CreateLogger<BaselineEncoderRun>();

    /// <summary>
    /// Encodes frames of <paramref name="format"/> looped from <paramref name="rawFramesPath"/> (whole BGRA frames,
    /// back to back) for <paramref name="duration"/> after a one-second warm-up, and measures ffmpeg's CPU.
    /// </summary>
    public async Task<BaselineResult> RunAsync(string rawFramesPath, VideoFormat format, TimeSpan duration, CancellationToken cancellationToken)
    {
        var length = new FileInfo(rawFramesPath).Length;
        if (length < format.FrameBytes || length % format.FrameBytes != 0)
            throw new ArgumentException($"'{rawFramesPath}' holds {length} bytes; expected whole {format} BGRA frames of {format.FrameBytes} bytes");
        var encoder = await new HardwareEncoderProbe(loggerFactory.CreateLogger<HardwareEncoderProbe>())
            .ChooseAsync(settings).WaitAsync(cancellationToken).ConfigureAwait(false);
        var arguments = FFmpegArguments.ForEncode(settings, format, encoder, VideoInput.LoopedFile(rawFramesPath), ["-f", "mpegts", "-y", "/dev/null"]);
        using var ffmpeg = FFmpegProcess.Start(settings.FFmpegPath, arguments);
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
            ffmpeg.Kill();
            await ffmpeg.WaitOrKillAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }
}
