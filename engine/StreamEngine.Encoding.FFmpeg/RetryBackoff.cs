namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Exponential delays between restarts: first, first×factor, … capped; reset after a success.</summary>
internal sealed class RetryBackoff(OutputPolicy policy)
{
    private TimeSpan _next = policy.FirstRetryDelay;

    /// <summary>The delay to wait now; the one after it grows.</summary>
    public TimeSpan Next()
    {
        var delay = _next;
        var grown = TimeSpan.FromTicks((long)(_next.Ticks * policy.RetryDelayFactor));
        _next = grown > policy.MaxRetryDelay ? policy.MaxRetryDelay : grown;
        return delay;
    }

    /// <summary>Starts over at the first delay.</summary>
    public void Reset() => _next = policy.FirstRetryDelay;
}
