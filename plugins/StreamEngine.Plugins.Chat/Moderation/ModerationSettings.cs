using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StreamEngine.Plugins.Chat.Moderation;

/// <summary>
/// What moderation enforces; changed over <c>PUT /api/behaviours/chat/settings</c> and kept with the show.
/// Messages posted through the engine's API (source <c>api</c>) are the producer's and skip the rate and spam checks.
/// </summary>
/// <param name="BlockedWords">Words a message may not contain, matched after leetspeak folding ("h4te" is "hate").</param>
/// <param name="BlockedPatterns">Regular expressions a message may not match (case-insensitive).</param>
/// <param name="Links"><c>allow</c>, <c>moderators</c> (only moderators and the broadcaster may post links) or <c>block</c>.</param>
/// <param name="RateCount">At most this many messages per author …</param>
/// <param name="RateSeconds">… in this many seconds (show time); more are dropped.</param>
/// <param name="RepeatWindow">A text the same author already sent within this many seconds is dropped as a repeat; so is one that many authors sent (a copy-paste flood).</param>
/// <param name="FloodAuthors">How many authors sending the same text within the repeat window make it a flood.</param>
/// <param name="DisplayPerSecond">How many ordinary messages per second the chat layer gets (bids and moderators always pass).</param>
public sealed record ModerationSettings(
    IReadOnlyList<string> BlockedWords, IReadOnlyList<string> BlockedPatterns, string Links,
    int RateCount, double RateSeconds, double RepeatWindow, int FloodAuthors, double DisplayPerSecond)
{
    public static readonly ModerationSettings Default = new([], [], "moderators", 20, 10, 30, 8, 12);

    private IReadOnlyList<string>? _compiledFrom;
    private IReadOnlyList<Regex> _compiled = [];

    /// <summary>The compiled patterns (each with a time limit, so a hostile pattern cannot stall the frame thread); compiled again when the list changes (a <c>with</c> copy keeps the old cache).</summary>
    public IReadOnlyList<Regex> Patterns
    {
        get
        {
            if (!ReferenceEquals(_compiledFrom, BlockedPatterns))
                (_compiled, _compiledFrom) = ([.. BlockedPatterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(20)))], BlockedPatterns);
            return _compiled;
        }
    }

    public JsonObject ToJson() => new()
    {
        ["blockedWords"] = new JsonArray([.. BlockedWords.Select(w => (JsonNode)w)]),
        ["blockedPatterns"] = new JsonArray([.. BlockedPatterns.Select(w => (JsonNode)w)]),
        ["links"] = Links, ["rateCount"] = RateCount, ["rateSeconds"] = RateSeconds, ["repeatWindow"] = RepeatWindow,
        ["floodAuthors"] = FloodAuthors, ["displayPerSecond"] = DisplayPerSecond,
    };

    /// <summary>These settings with the fields a JSON object gives changed; throws <see cref="ArgumentException"/> naming the field.</summary>
    public ModerationSettings With(JsonObject o)
    {
        var s = this with
        {
            BlockedWords = o["blockedWords"] is { } w ? Strings(w, "blockedWords", 500) : BlockedWords,
            BlockedPatterns = o["blockedPatterns"] is { } p ? Strings(p, "blockedPatterns", 100) : BlockedPatterns,
            Links = o["links"] is { } l ? (l.GetValueKind() == System.Text.Json.JsonValueKind.String && l.GetValue<string>() is "allow" or "moderators" or "block" ? l.GetValue<string>() : throw new ArgumentException("expected \"allow\", \"moderators\" or \"block\"", "links")) : Links,
            RateCount = o["rateCount"] is { } rc ? (int)Number(rc, "rateCount", 1, 1000) : RateCount,
            RateSeconds = o["rateSeconds"] is { } rs ? Number(rs, "rateSeconds", 1, 3600) : RateSeconds,
            RepeatWindow = o["repeatWindow"] is { } rw ? Number(rw, "repeatWindow", 0, 3600) : RepeatWindow,
            FloodAuthors = o["floodAuthors"] is { } fa ? (int)Number(fa, "floodAuthors", 2, 1000) : FloodAuthors,
            DisplayPerSecond = o["displayPerSecond"] is { } d ? Number(d, "displayPerSecond", 1, 100) : DisplayPerSecond,
        };
        foreach (var (pattern, i) in s.BlockedPatterns.Select((x, i) => (x, i)))
        {
            try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(20)); }
            catch (ArgumentException e) { throw new ArgumentException($"blockedPatterns[{i}] is not a regular expression: {e.Message}", "blockedPatterns"); }
        }
        return s;
    }

    private static List<string> Strings(JsonNode node, string field, int max)
    {
        if (node is not JsonArray a || a.Count > max || a.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length is 0 or > 200))
            throw new ArgumentException($"expected an array of at most {max} strings of 1 to 200 characters", field);
        return [.. a.Select(n => n!.GetValue<string>())];
    }

    private static double Number(JsonNode node, string field, double min, double max) =>
        ChatBehaviour.Number(node) is { } x && x >= min && x <= max ? x : throw new ArgumentException($"expected a number from {min} to {max}", field);

    public static ModerationSettings From(JsonNode? node)
    {
        try { return node is JsonObject o ? Default.With(o) : Default; }
        catch (ArgumentException) { return Default; } // a saved state from an older version: start from the defaults
    }
}
