namespace StreamEngine.Core.Pipeline;

/// <summary>
/// When the frame thread last started a tick and last delivered a frame, stamped by the frame thread and read by the
/// health endpoints: ready means a frame reached the encoder recently, live means the frame thread is not stuck.
/// A supervisor (systemd, Kubernetes) restarts an engine that is not live.
/// </summary>
public sealed class FrameHeartbeat(TimeProvider? time = null)
{
    /// <summary>No frame delivered for this long: not ready (the stream is frozen or every frame fails).</summary>
    public static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(2);

    /// <summary>No tick started for this long: not live (a tick never returned).</summary>
    public static readonly TimeSpan TickedWithin = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _started = -1, _ticked, _delivered;
    private TaskCompletionSource? _nextDelivery;

    /// <summary>The clock started: both stamps begin now, so a show is given two seconds for its first frame.</summary>
    public void Start()
    {
        var now = _time.GetTimestamp();
        Interlocked.Exchange(ref _ticked, now);
        Interlocked.Exchange(ref _delivered, now);
        Interlocked.Exchange(ref _started, now);
    }

    /// <summary>The clock stopped on purpose: no longer expected to tick.</summary>
    public void Stop() => Interlocked.Exchange(ref _started, -1);

    public void Ticked() => Interlocked.Exchange(ref _ticked, _time.GetTimestamp());

    public void Delivered()
    {
        Interlocked.Exchange(ref _delivered, _time.GetTimestamp());
        Interlocked.Exchange(ref _nextDelivery, null)?.TrySetResult();
    }

    /// <summary>
    /// Completes (on a pool thread) when the frame thread next delivers a frame: work that stops every thread for a
    /// moment (a forced garbage collection) started then falls in the frame thread's idle time, not in a frame.
    /// </summary>
    public Task NextDelivery()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _nextDelivery, next, null) ?? next).Task;
    }

    public bool IsRunning => Interlocked.Read(ref _started) >= 0;

    public TimeSpan SinceTick => _time.GetElapsedTime(Interlocked.Read(ref _ticked));

    public TimeSpan SinceDelivered => _time.GetElapsedTime(Interlocked.Read(ref _delivered));

    /// <summary>Why the engine is not ready, or null when it is.</summary>
    public string? NotReadyReason() =>
        !IsRunning ? "the frame clock is not running"
        : SinceDelivered > DeliveredWithin ? $"no frame delivered for {SinceDelivered.TotalSeconds:0.0} s"
        : null;

    /// <summary>Why the engine is not live (the frame thread is stuck), or null when it is.</summary>
    public string? NotLiveReason() =>
        IsRunning && SinceTick > TickedWithin ? $"the frame thread has not started a tick for {SinceTick.TotalSeconds:0.0} s" : null;
}
