using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace StreamEngine.State;

/// <summary>
/// Puts the engine's state into a store without ever holding up a frame. The scene is written behind: the engine
/// reports every change with <see cref="SceneChanged"/> and only the newest snapshot is saved, within
/// <see cref="WriteBehindDelay"/> plus the store's latency. Events that must not be lost go through
/// <see cref="AppendAsync"/>, which completes only once the store has them. When the store is down the writer keeps
/// the newest snapshot, retries with backoff, logs once per outage and catches up when the store is back.
/// </summary>
public sealed partial class StateWriter : IAsyncDisposable
{
    /// <summary>How long a change waits for more changes before it is saved; half the 100 ms budget, the rest is for the store.</summary>
    public static readonly TimeSpan WriteBehindDelay = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IStateStore _store;
    private readonly ILogger<StateWriter> _logger;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    // One reader saves; a null wake-up comes from the timer, a completion source from FlushAsync.
    private readonly Channel<TaskCompletionSource?> _wakeups = Channel.CreateUnbounded<TaskCompletionSource?>(new() { SingleReader = true });
    private readonly Task _loop;
    private readonly Lock _gate = new();

    private ShowSnapshot? _pending;
    private long _pendingSince;
    private bool _saving;
    private bool _timerArmed;
    private bool _disposed;
    private TimeSpan _retryDelay = FirstRetryDelay;

    /// <param name="time">The clock for the write-behind delay and the retry backoff; the system clock when null.</param>
    public StateWriter(IStateStore store, ILogger<StateWriter> logger, TimeProvider? time = null)
    {
        _store = store;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => _wakeups.Writer.TryWrite(null), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _loop = Task.Run(SaveLoopAsync);
    }

    /// <summary>
    /// The scene changed; <paramref name="latest"/> replaces any snapshot not yet saved. Cheap, callable from any thread,
    /// never waits for the store. The engine must not mutate <paramref name="latest"/> afterwards.
    /// </summary>
    public void SceneChanged(ShowSnapshot latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        lock (_gate)
        {
            if (_disposed) return;
            if (_pending is null) _pendingSince = _time.GetTimestamp();
            _pending = latest;
            if (!_saving && !_timerArmed) Arm(WriteBehindDelay);
        }
    }

    /// <summary>Appends an event and completes once the store has it (acknowledge a bid only after this).</summary>
    /// <exception cref="StoreUnavailableException">The store does not have the entry; the caller must not acknowledge it.</exception>
    public async Task AppendAsync(string stream, JsonObject entry, CancellationToken cancellationToken)
    {
        try
        {
            await _store.AppendEventAsync(stream, entry, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            OnAppendFailed(e);
            throw;
        }
        OnAppended();
    }

    /// <summary>Saves the pending snapshot now, if any. Throws <see cref="StoreUnavailableException"/> when it could not.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _wakeups.Writer.TryWrite(done) ? done.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Saves the pending snapshot one last time and stops. The store stays open: it belongs to the caller.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        try { await FlushAsync(CancellationToken.None); }
        catch (Exception e) { _logger.LogError("The latest scene was not saved to {Store} at shutdown: {Reason}", _store.Description, Reason(e)); }
        _wakeups.Writer.Complete();
        await _loop;
        await _timer.DisposeAsync();
    }

    private async Task SaveLoopAsync()
    {
        await foreach (var flush in _wakeups.Reader.ReadAllAsync())
        {
            var show = TakePending();
            var failure = show is null ? null : await SaveAsync(show);
            if (failure is null) flush?.TrySetResult();
            else flush?.TrySetException(failure);
        }
    }

    private ShowSnapshot? TakePending()
    {
        lock (_gate)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timerArmed = false;
            var show = _pending;
            _pending = null;
            _saving = show is not null;
            return show;
        }
    }

    private async Task<Exception?> SaveAsync(ShowSnapshot show)
    {
        var started = _time.GetTimestamp();
        try
        {
            await _store.SaveShowAsync(show, CancellationToken.None);
        }
        catch (Exception e)
        {
            OnSaveFailed(show, e);
            return e;
        }
        OnSaved(_time.GetElapsedTime(started));
        return null;
    }

    // Callers hold _gate.
    private void Arm(TimeSpan due)
    {
        if (_disposed) return;
        _timerArmed = true;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }
}
