using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;
using StreamEngine.Toolkit;

namespace StreamEngine.Sdk.Testing;

public sealed partial class HarnessShow
{
    private readonly List<Timer> _timers = [];
    private int _nextTimer;

    /// <inheritdoc />
    public void OnChat(Action<ChatMessage> handler) => _chat.Add(handler);

    /// <inheritdoc />
    public void OnBid(Action<Bid> handler) => _bids.Add(handler);

    /// <inheritdoc />
    public void OnQuestion(Action<ChatMessage> handler) => _questions.Add(handler);

    /// <inheritdoc />
    public void OnFrame(Action<FrameTime> handler) => _frames.Add(handler);

    /// <inheritdoc />
    public int After(double seconds, Action handler) => AddTimer(seconds, handler, repeat: false);

    /// <inheritdoc />
    public int Every(double seconds, Action handler) => AddTimer(seconds, handler, repeat: true);

    /// <inheritdoc />
    public void Cancel(int timer) => _timers.RemoveAll(t => t.Id == timer);

    /// <summary>Delivers a message that entered the show: chat handlers, then bid or question handlers, as the engine does.</summary>
    internal ChatMessage Deliver(ChatMessage message)
    {
        foreach (var handler in _chat.ToList()) handler(message);
        if (BidText.TryRead(message, out var amount))
        {
            var bid = new Bid(amount?.Amount, amount?.Currency, message) { Raise = amount?.Raise ?? false };
            foreach (var handler in _bids.ToList()) handler(bid);
        }
        else if (message.Verdict is { } verdict ? verdict.Kind == "question" : message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?'))
        {
            foreach (var handler in _questions.ToList()) handler(message);
        }
        return message;
    }

    /// <summary>One frame: frame handlers, then the timers that are due, oldest first.</summary>
    internal void RunFrame(FrameTime time)
    {
        foreach (var handler in _frames.ToList()) handler(time);
        foreach (var timer in _timers.Where(t => t.Due <= time.Seconds + 1e-9).OrderBy(t => t.Due).ToList())
        {
            if (timer.Every is { } period) timer.Due += period;
            else _timers.Remove(timer);
            timer.Handler();
        }
    }

    private int AddTimer(double seconds, Action handler, bool repeat)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || (repeat && seconds <= 0))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, repeat ? "expected a period above 0 s" : "expected 0 s or later");
        var timer = new Timer(++_nextTimer, clock.Now.Seconds + seconds, repeat ? seconds : null, handler);
        _timers.Add(timer);
        return timer.Id;
    }

    private sealed class Timer(int id, double due, double? every, Action handler)
    {
        public int Id { get; } = id;
        public double Due { get; set; } = due;
        public double? Every { get; } = every;
        public Action Handler { get; } = handler;
    }

    private sealed class HarnessLog : IScriptLog
    {
        public List<string> Lines { get; } = [];
        public void Info(string message) => Lines.Add("info: " + message);
        public void Warn(string message) => Lines.Add("warn: " + message);
        public void Error(string message) => Lines.Add("error: " + message);
    }
}
