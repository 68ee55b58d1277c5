namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// At most <paramref name="limit"/> messages in any <paramref name="window"/> (Twitch: 20 in 30 s for a normal
/// account); a send past it waits for the oldest to leave the window rather than get the account locked out.
/// </summary>
internal sealed class SendWindow(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Queue<long> _sent = new();

    /// <summary>How long to wait before the next send may go; zero when it may go now (and it is counted).</summary>
    public TimeSpan Take()
    {
        lock (_sent)
        {
            var now = clock.GetTimestamp();
            while (_sent.Count > 0 && clock.GetElapsedTime(_sent.Peek(), now) >= window) _sent.Dequeue();
            if (_sent.Count >= limit) return window - clock.GetElapsedTime(_sent.Peek(), now);
            _sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        for (var wait = Take(); wait > TimeSpan.Zero; wait = Take()) await Task.Delay(wait, clock, cancellationToken);
    }
}
