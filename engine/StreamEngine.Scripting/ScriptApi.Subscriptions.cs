using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

internal sealed partial class ScriptApi
{
    private readonly List<Action<ChatMessage>> _chat = [];
    private readonly List<Action<Bid>> _bids = [];
    private readonly List<Action<ChatMessage>> _questions = [];
    private readonly List<Action<FrameTime>> _frames = [];
    private readonly List<ScriptTimer> _timers = [];
    private readonly Dictionary<string, ScriptAnimation> _animations = new(StringComparer.Ordinal);
    private int _nextTimer;

    public IReadOnlyList<Action<ChatMessage>> ChatHandlers => _chat;
    public IReadOnlyList<Action<Bid>> BidHandlers => _bids;
    public IReadOnlyList<Action<ChatMessage>> QuestionHandlers => _questions;
    public IReadOnlyList<Action<FrameTime>> FrameHandlers => _frames;

    public override void OnChat(Action<ChatMessage> handler) => Guard(() => Add(_chat, handler));

    public override void OnBid(Action<Bid> handler) => Guard(() => Add(_bids, handler));

    public override void OnQuestion(Action<ChatMessage> handler) => Guard(() => Add(_questions, handler));

    public override void OnFrame(Action<FrameTime> handler) => Guard(() => Add(_frames, handler));

    public override int After(double seconds, Action handler) => Guard(() => AddTimer(seconds, null, handler, "after"));

    public override int Every(double seconds, Action handler) => Guard(() => AddTimer(seconds, seconds, handler, "every"));

    public override void Cancel(int timer) => Guard(() => _timers.RemoveAll(t => t.Id == timer));

    /// <summary>The timers due at the current frame, in the order they fall due; repeating ones are moved on, one-shot ones removed.</summary>
    public List<Action> TakeDueTimers()
    {
        var due = new List<Action>();
        if (_timers.Count == 0) return due;
        var now = _show.Now.Seconds + 1e-9;
        foreach (var timer in _timers.Where(t => t.Due <= now).OrderBy(t => t.Due).ThenBy(t => t.Id).ToList())
        {
            due.Add(timer.Handler);
            if (timer.Period is { } period) timer.Due += period * Math.Max(1, Math.Ceiling((now - timer.Due) / period));
            else _timers.Remove(timer);
        }
        return due;
    }

    /// <summary>The handlers of this script's animation for an event; forgets the animation once it ended.</summary>
    public IReadOnlyList<Action> AnimationHandlers(string animationId, Core.Animation.AnimationEventKind kind)
    {
        if (!_animations.TryGetValue(animationId, out var handle)) return [];
        if (kind is Core.Animation.AnimationEventKind.Completed or Core.Animation.AnimationEventKind.Cancelled) _animations.Remove(animationId);
        return handle.HandlersFor(kind);
    }

    private bool Add<T>(List<T> list, T handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        list.Add(handler);
        return true;
    }

    private int AddTimer(double seconds, double? period, Action handler, string what)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (seconds is <= 0 or > 86_400 || !double.IsFinite(seconds))
            throw new ScriptApiException($"{what}: seconds: expected more than 0 and at most 86400, got {seconds}");
        if (period is { } p && p < _show.Now.FrameDuration / 2)
            throw new ScriptApiException($"{what}: seconds: expected at least one frame ({_show.Now.FrameDuration:0.###} s), got {p}");
        if (_timers.Count >= _show.Limits.MaxTimers)
            throw new ScriptApiException($"{what}: this script already has {_timers.Count} timers waiting, the most a script may have; cancel some first");
        var timer = new ScriptTimer(++_nextTimer, _show.Now.Seconds + seconds, period, handler);
        _timers.Add(timer);
        return timer.Id;
    }

    private sealed class ScriptTimer(int id, double due, double? period, Action handler)
    {
        public int Id { get; } = id;
        public double Due { get; set; } = due;
        public double? Period { get; } = period;
        public Action Handler { get; } = handler;
    }
}
