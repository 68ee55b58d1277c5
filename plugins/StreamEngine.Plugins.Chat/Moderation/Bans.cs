using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Chat.Moderation;

/// <summary>A ban (no end) or a timeout (an end) of one author, by display name or platform id.</summary>
public sealed record Ban(string Author, DateTimeOffset? Until, string? Reason)
{
    public JsonObject ToJson() => new() { ["author"] = Author, ["until"] = Until?.ToString("O"), ["reason"] = Reason };
}

/// <summary>
/// The authors whose messages are dropped, kept in the <c>chat</c> behaviour's state so a ban survives a restart.
/// Names are matched case-insensitively against the message's author and author id. Timeouts end on the wall clock.
/// </summary>
public sealed class Bans(TimeProvider clock)
{
    private readonly Dictionary<string, Ban> _bans = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised when the list changes (to save it).</summary>
    public event Action? Changed;

    public Ban Add(string author, double? seconds, string? reason)
    {
        if (string.IsNullOrWhiteSpace(author) || author.Length > 64) throw new ArgumentException("expected an author name of 1 to 64 characters", "author");
        if (seconds is { } s && (!double.IsFinite(s) || s is < 1 or > 31_536_000)) throw new ArgumentException("expected seconds from 1 to 31536000 (a year), or none for a ban", "seconds");
        var ban = new Ban(author.TrimStart('@'), seconds is { } t ? clock.GetUtcNow().AddSeconds(t) : null, reason is { Length: > 200 } ? reason[..200] : reason);
        _bans[ban.Author] = ban;
        Changed?.Invoke();
        return ban;
    }

    public bool Remove(string author)
    {
        var removed = _bans.Remove(author.TrimStart('@'));
        if (removed) Changed?.Invoke();
        return removed;
    }

    /// <summary>The bans and timeouts in force (ended timeouts are forgotten).</summary>
    public IReadOnlyList<Ban> List()
    {
        var now = clock.GetUtcNow();
        foreach (var ended in _bans.Values.Where(b => b.Until <= now).ToList()) _bans.Remove(ended.Author);
        return [.. _bans.Values.OrderBy(b => b.Author, StringComparer.OrdinalIgnoreCase)];
    }

    public bool Holds(string author, string? authorId) =>
        (_bans.TryGetValue(author, out var ban) || (authorId is not null && _bans.TryGetValue(authorId, out ban)))
        && (ban.Until is null || ban.Until > clock.GetUtcNow());

    public JsonArray ToJson() => [.. List().Select(b => (JsonNode)b.ToJson())];

    /// <summary>Restores the list saved in the behaviour's state (what cannot be read is skipped).</summary>
    public void Load(JsonNode? saved)
    {
        _bans.Clear();
        foreach (var node in saved as JsonArray ?? [])
        {
            if (node?["author"] is not JsonValue a || !a.TryGetValue<string>(out var author)) continue;
            DateTimeOffset? until = node["until"] is JsonValue u && u.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, out var t) ? t : null;
            _bans[author] = new Ban(author, until, node["reason"] is JsonValue r && r.TryGetValue<string>(out var reason) ? reason : null);
        }
    }
}
