namespace StreamEngine.Server.WebSocket;

/// <summary>
/// A token bucket per client: it holds up to <c>burst</c> requests and refills at <c>perSecond</c>. A request (each one
/// of a batch) takes a token; with none left it is refused (status 209) and the session reads nothing more until a
/// token is back, so a flooding client costs the engine at most the rate.
/// </summary>
internal sealed class RequestRateLimit(double perSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    public double PerSecond => perSecond;

    public int Burst => burst;

    /// <summary>Takes <paramref name="count"/> tokens if there are that many; otherwise takes none.</summary>
    public bool TryTake(int count)
    {
        Refill();
        if (_tokens < count) return false;
        _tokens -= count;
        return true;
    }

    /// <summary>How long until there are <paramref name="count"/> tokens (zero when there are).</summary>
    public TimeSpan Until(int count = 1)
    {
        Refill();
        return _tokens >= count ? TimeSpan.Zero : TimeSpan.FromSeconds((count - _tokens) / perSecond);
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond);
        _refilledAt = now;
    }
}
