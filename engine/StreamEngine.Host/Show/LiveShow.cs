using StreamEngine.Application;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>Runs a show live: the frame clock ticks until stopped (or for a set time), then the encoder is flushed.</summary>
internal static class LiveShow
{
    /// <param name="attach">Called with the clock before it starts (the control plane); disposed after the show stops.</param>
    public static async Task RunAsync(ShowRuntime session, IEncoder encoder, TimeSpan? duration, ILoggerFactory loggers, CancellationToken stop,
        double statusEverySeconds = 10, Func<LiveFrameClock, Task<IAsyncDisposable>>? attach = null, long firstFrame = 0)
    {
        var logger = loggers.CreateLogger("show");
        await encoder.StartAsync(session.Format, stop);
        var pipeline = session.CreatePipeline(encoder);
        pipeline.WarmUp(new FrameTime(firstFrame, session.Format.Fps));
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (duration is { } d) running.CancelAfter(d);
        var clock = new LiveFrameClock(pipeline, loggers.CreateLogger<LiveFrameClock>());
        await using var attached = attach is null ? null : await attach(clock);
        var ticking = clock.RunAsync(running.Token, firstFrame);
        logger.LogInformation("Live at {Format}; press Ctrl+C to stop", session.Format);
        // Once stopping, the clock may take a frame to finish: wait for it, do not log the status in a loop meanwhile.
        while (!ticking.IsCompleted && !running.IsCancellationRequested)
        {
            await Task.WhenAny(ticking, Task.Delay(TimeSpan.FromSeconds(statusEverySeconds), running.Token).ContinueWith(_ => { }));
            if (ticking.IsCompleted || running.IsCancellationRequested) break;
            var stats = session.Stats;
            logger.LogInformation("Frames {Frames}, dropped {Dropped}, encoder gaps {Gaps} (longest {LongestGap:0} ms), render p99 {RenderP99:0.0} ms, jitter p99 {JitterP99:0.0} ms",
                stats.Frames, stats.Dropped, stats.EncoderGaps, stats.LongestEncoderGapMs, stats.RenderMsPercentile(99), stats.JitterMsPercentile(99));
        }
        await ticking;
        logger.LogInformation("Stopping: flushing the encoder and closing outputs");
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        session.Audio?.End();
        await encoder.StopAsync(flush.Token);
        logger.LogInformation("Stopped after {Frames} frames ({Dropped} dropped)", session.Stats.Frames, session.Stats.Dropped);
    }
}
