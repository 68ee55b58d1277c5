namespace StreamEngine.Plugins.X.Tests;

/// <summary>A clock whose waits end at once and move its time forward by what was asked, so retry and rate-limit
/// waits are real code paths that take no wall time; <see cref="Waits"/> shows what the client waited for.</summary>
public sealed class SkippingClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate) { _now += dueTime; Waits.Add(dueTime); }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new Idle();
    }

    private sealed class Idle : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
