using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Stages;

/// <summary>
/// <c>chat.priority</c>: keeps the chat layer's work bounded. Ordinary messages get display slots at
/// <c>displayPerSecond</c>; when the slots are taken they wait (at most <see cref="MaxWait"/>) and when the wait would
/// be longer they are skipped. Bids, moderators' messages and the producer's own (source <c>api</c>) jump the queue: they pass at once (up to four times the
/// rate). What passes during a flood is therefore a sample spread evenly over time, and the first ordinary message
/// after skipped ones carries how many were skipped (an annotation of kind <c>skipped</c>, amount N, flag <c>+N more</c>).
/// Put it after <c>chat.analysis</c> so it knows the bids.
/// </summary>
public sealed class PriorityStage(ChatRoom room) : IChatStage
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);
    private double _nextSlot, _priorityWindow;
    private int _priorityInWindow;
    private long _skipped;

    public string Name => "chat.priority";

    /// <summary>Ordinary messages skipped since the last one shown.</summary>
    public long Skipped => _skipped;

    public ChatVerdict Process(ChatMessage message)
    {
        var rate = room.Settings.DisplayPerSecond;
        var now = message.ShownAt.Seconds;
        if (Jumps(message))
        {
            if (now - _priorityWindow >= 1) (_priorityWindow, _priorityInWindow) = (now, 0);
            if (++_priorityInWindow <= 4 * rate) return ChatVerdict.Pass(message);
        }
        var slot = Math.Max(_nextSlot, now);
        var wait = slot - now;
        if (wait > MaxWait.TotalSeconds + 1e-9)
        {
            _skipped++;
            return ChatVerdict.Drop("flood: skipped");
        }
        _nextSlot = slot + 1 / rate;
        if (_skipped > 0)
        {
            message = message.Annotated(new ChatAnnotation(Name, "skipped") { Amount = _skipped, Flags = [$"+{_skipped} more"] });
            _skipped = 0;
        }
        return wait > 1e-9 ? ChatVerdict.Later(message, TimeSpan.FromSeconds(wait)) : ChatVerdict.Pass(message);
    }

    private static bool Jumps(ChatMessage message) =>
        message.Highlight is "bid" or "moderator" || message.Source == "api" || message.Badges.Any(b => b is "moderator" or "broadcaster")
        || message.Annotations.Any(a => a.Kind == "bid");
}
