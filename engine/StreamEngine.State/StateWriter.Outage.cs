using Microsoft.Extensions.Logging;

namespace StreamEngine.State;

// What the writer knows about the store's health: outages, retries and the counters for metrics.
public sealed partial class StateWriter
{
    private DateTimeOffset? _degradedSince;
    private string? _degradedReason;
    private long _saves;
    private long _saveFailures;
    private long _appends;
    private long _appendFailures;
    private TimeSpan _lastSaveLatency;

    /// <summary>Whether the store is taking writes, and whether a snapshot is waiting to be saved.</summary>
    public StateHealth Health
    {
        get
        {
            lock (_gate)
                return new StateHealth(_degradedSince is null ? StateHealthStatus.Healthy : StateHealthStatus.Degraded,
                    _degradedReason, _degradedSince, _pending is not null || _saving);
        }
    }

    /// <summary>Totals since start, for metrics.</summary>
    public StateWriterCounters Counters
    {
        get
        {
            lock (_gate) return new StateWriterCounters(_saves, _saveFailures, _lastSaveLatency, _appends, _appendFailures);
        }
    }

    private void OnSaved(TimeSpan latency)
    {
        TimeSpan? outage;
        lock (_gate)
        {
            _saving = false;
            _saves++;
            _lastSaveLatency = latency;
            _retryDelay = FirstRetryDelay;
            outage = Recover();
            // A change that came in during the save keeps its place in the 100 ms budget.
            if (_pending is not null) Arm(TimeSpan.FromTicks(Math.Max(0, (WriteBehindDelay - _time.GetElapsedTime(_pendingSince)).Ticks)));
        }
        if (outage is { } lasted)
            _logger.LogInformation("State store {Store} is back after {Outage:g}; the latest scene is saved", _store.Description, lasted);
    }

    private void OnSaveFailed(ShowSnapshot show, Exception e)
    {
        bool first;
        TimeSpan retry;
        lock (_gate)
        {
            _saving = false;
            _saveFailures++;
            if (_pending is null)
            {
                _pending = show; // a newer snapshot, if one came in meanwhile, replaces the one that failed
                _pendingSince = _time.GetTimestamp();
            }
            first = Degrade(e);
            retry = _retryDelay;
            Arm(retry);
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
        if (first)
            _logger.LogWarning("State store unavailable, keeping the latest scene in memory and retrying: {Reason}", Reason(e));
        else
            _logger.LogDebug("State store still unavailable, next try in {Retry:g}: {Reason}", retry, Reason(e));
    }

    private void OnAppendFailed(Exception e)
    {
        bool first;
        lock (_gate)
        {
            _appendFailures++;
            first = Degrade(e);
        }
        if (first) _logger.LogWarning("State store unavailable, an event was not stored: {Reason}", Reason(e));
    }

    private void OnAppended()
    {
        TimeSpan? outage = null;
        lock (_gate)
        {
            _appends++;
            if (_degradedSince is null || _saving) return;
            // The store is back: a waiting snapshot goes now and decides the health; otherwise the outage is over.
            if (_pending is not null) Arm(TimeSpan.Zero);
            else outage = Recover();
        }
        if (outage is { } lasted) _logger.LogInformation("State store {Store} is back after {Outage:g}", _store.Description, lasted);
    }

    // Callers hold _gate. True when this failure starts an outage.
    private bool Degrade(Exception e)
    {
        _degradedReason = Reason(e);
        if (_degradedSince is not null) return false;
        _degradedSince = _time.GetUtcNow();
        return true;
    }

    // Callers hold _gate. How long the outage that just ended lasted, or null when there was none.
    private TimeSpan? Recover()
    {
        if (_degradedSince is not { } since) return null;
        _degradedSince = null;
        _degradedReason = null;
        return _time.GetUtcNow() - since;
    }

    private static string Reason(Exception e) => e is StoreUnavailableException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
