using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Sdk;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;

namespace StreamEngine.Host.Show;

/// <summary>
/// One benchmark: the live pipeline for a while (render + encode, output discarded), then ffmpeg alone encoding
/// the same frames, rendered again offline and replayed from memory (/dev/shm) at the same rate.
/// </summary>
internal sealed class BenchRun(ShowSession session, EngineConfig config, ILoggerFactory loggers)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public async Task<BenchResult> RunAsync(TimeSpan duration, CancellationToken stop)
    {
        var live = await MeasureLiveAsync(duration, stop);
        var baseline = await MeasureBaselineAsync(duration, stop);
        var format = session.Format;
        return live with
        {
            BaselineEncoderCpuPct = Math.Round(baseline, 1),
            OverheadRatio = baseline > 0 ? Math.Round((live.EngineCpuPct + live.EncoderCpuPct) / baseline, 2) : 0,
            Size = $"{format.Width}x{format.Height}",
        };
    }

    private async Task<BenchResult> MeasureLiveAsync(TimeSpan duration, CancellationToken stop)
    {
        await using var encoder = Encoders.Create(config, session.Format, live: true, [], loggers);
        await encoder.StartAsync(session.Format, stop);
        var pipeline = session.CreatePipeline(encoder);
        pipeline.WarmUp(new FrameTime(0, session.Format.Fps));
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var ticking = new LiveFrameClock(pipeline, loggers.CreateLogger<LiveFrameClock>()).RunAsync(running.Token);

        await Task.Delay(WarmUp, stop);
        var stats = session.Stats;
        stats.ResetSamples();
        var (frames0, dropped0, late0) = (stats.Frames, stats.Dropped, stats.DroppedLate);
        var engineCpu = new ProcessCpuMeter(Environment.ProcessId);
        var encoderCpu0 = encoder.Stats().ProcessCpuSeconds ?? 0;
        var started = Stopwatch.GetTimestamp();
        double rss = 0;
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            rss = Math.Max(rss, ProcessCpuMeter.ReadResidentBytes(Environment.ProcessId) ?? 0);
            await Task.Delay(250, stop);
        }
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var enginePct = engineCpu.Sample() ?? 0;
        var encoderPct = 100 * ((encoder.Stats().ProcessCpuSeconds ?? encoderCpu0) - encoderCpu0) / wall;
        var (frames, dropped) = (stats.Frames - frames0, stats.Dropped - dropped0);
        running.Cancel();
        await ticking;
        await encoder.StopAsync(CancellationToken.None);

        return new BenchResult(
            Size: "", TargetFps: session.Format.Fps, Seconds: Math.Round(wall, 2), Frames: frames, Dropped: dropped,
            Fps: Math.Round(frames / wall, 2), RenderMsP50: Math.Round(stats.RenderMsPercentile(50), 3),
            RenderMsP99: Math.Round(stats.RenderMsPercentile(99), 3), PacingJitterMsP99: Math.Round(stats.JitterMsPercentile(99), 3),
            EngineCpuPct: Math.Round(enginePct, 1), EncoderCpuPct: Math.Round(encoderPct, 1), RssMb: Math.Round(rss / (1 << 20), 1),
            BaselineEncoderCpuPct: 0, OverheadRatio: 0, VideoEncoder: encoder.Stats().VideoEncoder ?? "?",
            DroppedLate: stats.DroppedLate - late0, ScriptMsP50: Math.Round(stats.ScriptMsPercentile(50), 3), ScriptMsP99: Math.Round(stats.ScriptMsPercentile(99), 3));
    }

    /// <summary>Two seconds of the show's frames, rendered offline to shared memory, looped by ffmpeg at the show's rate.</summary>
    private async Task<double> MeasureBaselineAsync(TimeSpan duration, CancellationToken stop)
    {
        var format = session.Format;
        var shm = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var frames = Path.Combine(shm, $"stream-engine-bench-{Environment.ProcessId}.bgra");
        try
        {
            await using (var writer = new RawFrameWriter(frames))
            {
                await writer.StartAsync(format, stop);
                await OfflineFrameClock.RunAsync(session.CreatePipeline(writer), format.Fps * 2L, null, stop);
                await writer.StopAsync(stop);
            }
            var settings = Encoders.Settings(config, live: true);
            var result = await new BaselineEncoderRun(settings, loggers).RunAsync(frames, format, duration, stop);
            return result.CpuPercentOfOneCore;
        }
        finally
        {
            File.Delete(frames);
        }
    }
}
