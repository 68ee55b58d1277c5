using System.Text.RegularExpressions;
using StreamEngine.Plugins.Chat.Analysis;
using StreamEngine.Plugins.Chat.Moderation;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Stages;

/// <summary>
/// <c>chat.moderation</c>: drops messages from banned or timed-out authors, with a blocked word (after leetspeak
/// folding) or pattern, with a link the policy refuses, over an author's rate, repeated by the same author, or pasted
/// by many authors at once (a flood). Moderators, the broadcaster and the producer's own API messages skip the rate,
/// spam and link checks. Time is show time, so a rendered show drops the same messages.
/// </summary>
public sealed class ModerationStage(ChatRoom room) : IChatStage
{
    private const int MaxTracked = 20_000;
    private readonly Dictionary<string, Queue<double>> _recent = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, double> _lastSaid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double First, HashSet<string> Authors)> _pasted = new(StringComparer.Ordinal);
    private double _pruned;

    public string Name => "chat.moderation";

    /// <summary>A platform's ban or timeout becomes one here, by the author's platform id, so the producer sees and can lift it.</summary>
    public void OnBan(ChatBan ban) =>
        room.Bans.Add(ban.AuthorId, ban.Duration?.TotalSeconds is { } s ? Math.Clamp(s, 1, 31_536_000) : null,
            $"{(ban.Duration is null ? "banned" : "timed out")} on {ban.Source}{(ban.Name is { } name ? $" ({name})" : "")}");

    public ChatVerdict Process(ChatMessage message)
    {
        var settings = room.Settings;
        if (room.Bans.Holds(message.Author, message.AuthorId)) return ChatVerdict.Drop("banned");
        var folded = Leet.Fold(message.Text);
        if (Blocked(folded, message.Text, settings)) return ChatVerdict.Drop("blocked word");
        var trusted = message.Badges.Any(b => b is "moderator" or "broadcaster") || message.Source == "api";
        if (!trusted && settings.Links != "allow" && Links.Contains(message.Text)) return ChatVerdict.Drop("link");
        if (trusted) return ChatVerdict.Pass(message);

        var now = message.ShownAt.Seconds;
        Prune(now, settings);
        var times = _recent.TryGetValue(message.Author, out var q) ? q : _recent[message.Author] = new Queue<double>();
        while (times.Count > 0 && times.Peek() <= now - settings.RateSeconds) times.Dequeue();
        if (times.Count >= settings.RateCount) return ChatVerdict.Drop("rate limit");
        times.Enqueue(now);

        var said = message.Author.ToLowerInvariant() + "\n" + folded;
        if (_lastSaid.TryGetValue(said, out var last) && now - last < settings.RepeatWindow) return ChatVerdict.Drop("repeat");
        _lastSaid[said] = now;
        if (folded.Length >= 8)
        {
            var paste = _pasted.TryGetValue(folded, out var p) && now - p.First < settings.RepeatWindow ? p : _pasted[folded] = (now, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            paste.Authors.Add(message.Author);
            if (paste.Authors.Count > settings.FloodAuthors) return ChatVerdict.Drop("flood");
        }
        return ChatVerdict.Pass(message);
    }

    private static bool Blocked(string folded, string text, ModerationSettings settings)
    {
        if (settings.BlockedWords.Count > 0)
        {
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var blocked in settings.BlockedWords)
            {
                var b = Leet.Fold(blocked).Replace(" ", "");
                if (b.Length == 0) continue;
                if (words.Contains(b) || (b.Length >= 5 && folded.Replace(" ", "").Contains(b, StringComparison.Ordinal))) return true;
            }
        }
        foreach (var pattern in settings.Patterns)
        {
            try { if (pattern.IsMatch(text)) return true; }
            catch (RegexMatchTimeoutException) { return true; } // a message that makes a pattern run away is not shown
        }
        return false;
    }

    /// <summary>Forgets what is older than the windows, at most once a second, so memory stays bounded however long the show.</summary>
    private void Prune(double now, ModerationSettings settings)
    {
        if (now - _pruned < 1 && _recent.Count + _lastSaid.Count + _pasted.Count < MaxTracked) return;
        _pruned = now;
        foreach (var (author, times) in _recent.Where(r => r.Value.Count == 0 || r.Value.Last() <= now - settings.RateSeconds).ToList()) _recent.Remove(author);
        foreach (var key in _lastSaid.Where(s => now - s.Value >= settings.RepeatWindow).Select(s => s.Key).ToList()) _lastSaid.Remove(key);
        foreach (var key in _pasted.Where(s => now - s.Value.First >= settings.RepeatWindow).Select(s => s.Key).ToList()) _pasted.Remove(key);
        if (_recent.Count + _lastSaid.Count + _pasted.Count >= MaxTracked) { _recent.Clear(); _lastSaid.Clear(); _pasted.Clear(); }
    }
}
