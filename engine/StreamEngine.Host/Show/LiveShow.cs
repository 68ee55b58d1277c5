using StreamEngine.Application;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>Runs a show live: the frame clock ticks until stopped (or for a set time), then the encoder is flushed.</summary>
internal static class LiveShow
{
    /// <param name="attach">Called with the clock before it starts (the control plane); disposed after the show stops.</param>
    /// <param name="clockStopped">Called with the last frame once the clock stopped, before the encoder flushes (failover hands the show over).</param>
    public static async Task RunAsync(ShowRuntime session, IEncoder encoder, TimeSpan? duration, ILoggerFactory loggers, CancellationToken stop,
        double statusEverySeconds = 10, Func<LiveFrameClock, Task<IAsyncDisposable>>? attach = null, long firstFrame = 0,
        Func<FrameTime, Task>? clockStopped = null)
    {
        var logger = loggers.CreateLogger("show");
        var pipeline = session.CreatePipeline(encoder);
        var clock = new LiveFrameClock(pipeline, loggers.CreateLogger<LiveFrameClock>());
        // A fresh show first has its code compiled (a few seconds at most): its control plane, its first frame and its
        // outputs then come up together, as before, and the first lot and bids run compiled code. A show continuing where
        // it was (a restart, a standby taking over) goes on air at once and compiles in the background.
        var onAir = false;
        var compiling = CodeWarmUp.Compile(() => onAir || firstFrame > 0);
        if (firstFrame == 0) await Task.WhenAny(compiling, Task.Delay(TimeSpan.FromSeconds(5), stop).ContinueWith(_ => { }, TaskScheduler.Default));
        // The control plane comes up (its ports, its routes) while the encoder's process starts and the first frame is
        // drawn: all three stand between a start, or a standby's takeover, and the first frame on the outputs.
        var attaching = attach is null ? null : Task.Run(() => attach(clock));
        try
        {
            await encoder.StartAsync(session.Format, stop);
            CodeWarmUp.ReadersNow();
            pipeline.WarmUp(new FrameTime(firstFrame, session.Format.Fps));
        }
        catch
        {
            if (attaching is not null) await using (await attaching) { }
            throw;
        }
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (duration is { } d) running.CancelAfter(d);
        await using var attached = attaching is null ? null : await attaching;
        onAir = true;
        var ticking = clock.RunAsync(running.Token, firstFrame);
        _ = compiling.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully) logger.LogInformation("Compiled {Methods} methods ahead in {Seconds:0.0} s", t.Result.Methods, t.Result.Took.TotalSeconds);
        }, TaskScheduler.Default);
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
        if (clockStopped is not null) await clockStopped(new FrameTime(clock.FrameIndex, session.Format.Fps));
        logger.LogInformation("Stopping: flushing the encoder and closing outputs");
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        session.Audio?.End();
        await encoder.StopAsync(flush.Token);
        logger.LogInformation("Stopped after {Frames} frames ({Dropped} dropped)", session.Stats.Frames, session.Stats.Dropped);
    }
}
