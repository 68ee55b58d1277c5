using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Chat;

/// <summary>How many times each emoji or emote was sent as a reaction (a message that is only reactions takes no line).</summary>
public sealed class Reactions
{
    private const int MaxKinds = 256;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Reactions counted since the counts were last published.</summary>
    public bool Changed { get; set; }

    public long Total { get; private set; }

    public void Add(string reaction)
    {
        if (!_counts.ContainsKey(reaction) && _counts.Count >= MaxKinds) reaction = "other"; // bounded, whatever the audience sends
        _counts[reaction] = _counts.GetValueOrDefault(reaction) + 1;
        Total++;
        Changed = true;
    }

    public long Count(string reaction) => _counts.GetValueOrDefault(reaction);

    public JsonObject ToJson() => new()
    {
        ["total"] = Total,
        ["counts"] = new JsonObject(_counts.OrderByDescending(c => c.Value).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
    };

    public void Load(JsonNode? saved)
    {
        _counts.Clear();
        Total = 0;
        if (saved?["counts"] is not JsonObject counts) return;
        foreach (var (key, value) in counts)
            if (value is JsonValue v && v.TryGetValue<long>(out var n) && n > 0 && _counts.Count < MaxKinds) { _counts[key] = n; Total += n; }
    }
}
