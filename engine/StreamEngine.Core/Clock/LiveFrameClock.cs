using System.Runtime;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Clock;

/// <summary>
/// Ticks the pipeline at the show's frame rate on its own thread, paced against a monotonic clock.
/// Frame n is due at start + n / fps, the start being when the first frame is done; when the thread is late by whole
/// frames it skips them (counted as dropped) so show time stays equal to wall time. Pacing jitter is how late each tick starts.
/// </summary>
public sealed class LiveFrameClock(FramePipeline pipeline, ILogger<LiveFrameClock> logger, TimeProvider? time = null)
{
    /// <summary>The frame thread's nice value where the engine may raise it: ahead of the engine's other threads and of other programs at the default 0.</summary>
    public const int FrameThreadNice = -10;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CancellationTokenSource _stopped = new();
    private long _frameIndex;

    /// <summary>Cancelled once the clock is asked to stop: a change queued from then on would wait for a frame that never comes.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public long FrameIndex => Interlocked.Read(ref _frameIndex);

    public FramePipeline Pipeline => pipeline;

    /// <summary>Runs until <paramref name="stop"/> is cancelled. Exceptions from a tick are logged; the clock goes on.</summary>
    public Task RunAsync(CancellationToken stop, long firstFrame = 0)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopping = stop.Register(_stopped.Cancel);
        var thread = new Thread(() =>
        {
            if (!ThreadNice.TrySet(FrameThreadNice))
                logger.LogDebug("The frame thread runs at the process's priority (raising it needs CAP_SYS_NICE)");
            try { Run(stop, firstFrame); done.SetResult(); }
            catch (Exception e) { done.SetException(e); }
            finally
            {
                stopping.Dispose();
                _stopped.Cancel();
            }
        })
        { Name = "frame-clock", IsBackground = true, Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return done.Task;
    }

    private void Run(CancellationToken stop, long firstFrame)
    {
        var fps = pipeline.Format.Fps;
        var frameTicks = _time.TimestampFrequency / (double)fps;
        var start = _time.GetTimestamp();
        pipeline.Stats.RestartDeliveries();
        long n = 0;
        var consecutiveErrors = 0;
        pipeline.Stats.Heartbeat.Start();
        // No blocking full collection while frames are due (only background ones, unless memory runs low): a blocking
        // one stops the frame thread for tens of milliseconds.
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        while (!stop.IsCancellationRequested)
        {
            var due = start + (long)(n * frameTicks);
            WaitUntil(due, stop);
            if (stop.IsCancellationRequested) break;
            var lateMs = _time.GetElapsedTime(due).TotalMilliseconds;
            pipeline.Stats.RecordJitter(lateMs);

            Interlocked.Exchange(ref _frameIndex, firstFrame + n);
            var trace = pipeline.Trace;
            trace?.Begin();
            try
            {
                pipeline.Tick(new FrameTime(firstFrame + n, fps));
                consecutiveErrors = 0;
            }
            catch (Exception e)
            {
                if (consecutiveErrors++ < 5) logger.LogError(e, "Frame {Frame} failed; the clock goes on", firstFrame + n);
            }
            trace?.End(firstFrame + n, lateMs);

            // The schedule starts once the first frame is made: its one-off costs (the first call of every hook, stage
            // and renderer) delay the start of the stream, they do not cost the frames after it.
            if (n == 0) start = Math.Max(start, _time.GetTimestamp() - (long)frameTicks);
            n++;
            var behind = (long)(_time.GetElapsedTime(start).TotalSeconds * fps) - n;
            if (behind > 0)
            {
                pipeline.Stats.RecordDroppedLate(behind);
                n += behind;
            }
        }
        GCSettings.LatencyMode = latency;
        pipeline.Stats.Heartbeat.Stop();
    }

    // Sleeps in whole milliseconds (the timer's resolution) and never spins: a tick may start up to ~1 ms late,
    // which is far below a frame and costs no CPU.
    private void WaitUntil(long due, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var remaining = -_time.GetElapsedTime(due).TotalMilliseconds;
            if (remaining <= 0) return;
            stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Ceiling(remaining)));
        }
    }
}
