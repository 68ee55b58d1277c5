using StreamEngine.Application;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>
/// One benchmark. The live pipeline runs (render + encode, output discarded) and a few seconds of the frames it hands
/// the encoder are captured; then engine and baseline are measured in alternating windows: the live show for a window,
/// then (with the show paused) ffmpeg alone encoding the captured frames, looped at the show's rate, with the same
/// arguments. Each pair gives a ratio; the medians are reported, so a burst of load from elsewhere on the machine
/// moves one pair, not the result. CPU is what the OS accounted to each process (/proc).
/// </summary>
internal sealed class BenchRun(ShowRuntime session, EngineConfig config, ILoggerFactory loggers)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CaptureSeconds = TimeSpan.FromSeconds(4);
    private const long CaptureBytes = 768L << 20;

    public async Task<BenchResult> RunAsync(TimeSpan window, int pairs, CancellationToken stop)
    {
        var format = session.Format;
        await using var encoder = Encoders.Create(config, format, live: true, Array.Empty<string>(), loggers, session.Plugins);
        await encoder.StartAsync(format, stop);
        var capture = new FrameCapture(encoder, (int)Math.Max(1, Math.Min(CaptureSeconds.TotalSeconds * format.Fps, CaptureBytes / format.FrameBytes)));
        var pipeline = session.CreatePipeline(capture);
        pipeline.WarmUp(new FrameTime(0, format.Fps));
        var clock = new LiveFrameClock(pipeline, loggers.CreateLogger<LiveFrameClock>());

        await using (Resume(clock, 0, stop))
        {
            await Task.Delay(WarmUp, stop);
            capture.Start();
            await capture.Full.Task.WaitAsync(stop);
        }
        session.Stats.ResetSamples();
        var baseline = new BaselineEncoderRun(Encoders.Settings(config, live: true), loggers);
        var measured = new List<BenchWindow>();
        string? baselineEncoder = null;
        for (var pair = 0; pair < pairs; pair++)
        {
            var engine = await MeasureEngineAsync(clock, encoder, window, stop);
            var alone = await baseline.RunAsync(capture.Frames, format, window, stop);
            baselineEncoder = alone.VideoEncoder;
            measured.Add(engine with { BaselineCpuPct = Math.Round(alone.CpuPercentOfOneCore, 1) });
        }
        await encoder.StopAsync(CancellationToken.None);
        return BenchResult.From(session, encoder.Stats().VideoEncoder ?? "?", baselineEncoder ?? "?", measured, capture);
    }

    /// <summary>One engine window: the show runs for <paramref name="window"/>; its CPU and the encoder's are read from /proc.</summary>
    private async Task<BenchWindow> MeasureEngineAsync(LiveFrameClock clock, IEncoder encoder, TimeSpan window, CancellationToken stop)
    {
        var stats = session.Stats;
        var (frames0, dropped0, late0, gaps0) = (stats.Frames, stats.Dropped, stats.DroppedLate, stats.EncoderGaps);
        var engineCpu = new ProcessCpuMeter(Environment.ProcessId);
        var encoderCpu0 = encoder.Stats().ProcessCpuSeconds ?? 0;
        var started = Stopwatch.GetTimestamp();
        double rss = 0;
        await using (Resume(clock, clock.FrameIndex + 1, stop))
        {
            while (Stopwatch.GetElapsedTime(started) < window)
            {
                rss = Math.Max(rss, ProcessCpuMeter.ReadResidentBytes(Environment.ProcessId) ?? 0);
                await Task.Delay(250, stop);
            }
        }
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var enginePct = engineCpu.Sample() ?? 0;
        var encoderPct = 100 * ((encoder.Stats().ProcessCpuSeconds ?? encoderCpu0) - encoderCpu0) / wall;
        return new BenchWindow(Math.Round(wall, 2), stats.Frames - frames0, stats.Dropped - dropped0, stats.DroppedLate - late0,
            stats.EncoderGaps - gaps0, Math.Round(enginePct, 1), Math.Round(encoderPct, 1), 0, Math.Round(rss / (1 << 20), 1));
    }

    /// <summary>Starts the frame clock at <paramref name="firstFrame"/>; disposing it pauses the show (the encoder idles).</summary>
    private static RunningClock Resume(LiveFrameClock clock, long firstFrame, CancellationToken stop)
    {
        var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        return new RunningClock(running, clock.RunAsync(running.Token, firstFrame));
    }

    private sealed class RunningClock(CancellationTokenSource running, Task ticking) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await running.CancelAsync();
            await ticking;
            running.Dispose();
        }
    }
}
