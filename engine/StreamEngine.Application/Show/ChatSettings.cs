using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Scene;

namespace StreamEngine.Application;

/// <summary>
/// The scene file's <c>chat</c> section: which chat sources run and which stages every message passes, in order.
/// <c>"chat": { "sources": [ { "id": "twitch", "type": "twitch", "settings": { … } } ], "stages": ["spam-filter", "classifier"] }</c>
/// </summary>
public sealed partial record ChatSettings(IReadOnlyList<ChatSourceConfig> Sources, IReadOnlyList<string> Stages)
{
    public static readonly ChatSettings None = new([], []);

    /// <summary>
    /// The stages a show runs when its scene names none (<c>"stages"</c> absent), those of them a loaded plugin offers:
    /// moderation first (a dropped message costs nothing more), analysis before prioritisation (bids jump the queue).
    /// <c>"stages": []</c> runs none.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultStages = ["chat.moderation", "chat.interaction", "chat.analysis", "chat.priority"];

    /// <summary>Whether the scene listed its stages (an empty list included).</summary>
    public bool StagesNamed { get; init; }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    public static partial Regex Name();

    /// <summary>Reads the section; every problem is named by its JSON path and checked against the loaded plugins.</summary>
    public static (ChatSettings Settings, IReadOnlyList<ValidationProblem> Problems) Read(string scenePath, Func<string, bool> isSourceType, Func<string, bool> isStage)
    {
        JsonNode? chat;
        try { chat = JsonNode.Parse(File.ReadAllText(scenePath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?["chat"]; }
        catch (Exception e) when (e is JsonException or IOException) { return (None, [new ValidationProblem("$", e.Message)]); }
        if (chat is null) return (None, []);
        var named = chat is JsonObject { } withStages && withStages.ContainsKey("stages");
        var problems = new List<ValidationProblem>();
        if (chat is not JsonObject section) return (None, [new ValidationProblem("$.chat", "expected an object with \"sources\" and \"stages\"")]);
        var sources = new List<ChatSourceConfig>();
        foreach (var (node, i) in (section["sources"] as JsonArray ?? []).Select((n, i) => (n, i)))
        {
            var config = ReadSource(node, $"$.chat.sources[{i}]", isSourceType, problems);
            if (config is null) continue;
            if (sources.Any(s => s.Id == config.Id)) problems.Add(new($"$.chat.sources[{i}].id", $"'{config.Id}' is used twice; expected a unique id"));
            else sources.Add(config);
        }
        var stages = new List<string>();
        foreach (var (node, i) in (section["stages"] as JsonArray ?? []).Select((n, i) => (n, i)))
        {
            var name = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (name is null || !isStage(name)) problems.Add(new($"$.chat.stages[{i}]", $"expected the name of a loaded chat stage, got {node?.ToJsonString() ?? "null"}"));
            else stages.Add(name);
        }
        return (new ChatSettings(sources, stages) { StagesNamed = named }, problems);
    }

    /// <summary>One source's configuration (the API's body for adding or replacing one takes the same shape).</summary>
    public static ChatSourceConfig? ReadSource(JsonNode? node, string path, Func<string, bool> isSourceType, List<ValidationProblem> problems)
    {
        if (node is not JsonObject o) { problems.Add(new(path, "expected an object with \"id\" and \"type\"")); return null; }
        var id = Text(o, "id");
        var type = Text(o, "type");
        var before = problems.Count;
        if (id is null || !Name().IsMatch(id)) problems.Add(new($"{path}.id", "expected 1 to 64 letters, digits, '.', '_' or '-'"));
        if (type is null || !isSourceType(type)) problems.Add(new($"{path}.type", $"expected the type of a loaded chat source plugin, got {o["type"]?.ToJsonString() ?? "nothing"}"));
        if (o["settings"] is { } settings and not JsonObject) problems.Add(new($"{path}.settings", "expected an object"));
        return problems.Count > before ? null : new ChatSourceConfig(id!, type!, (JsonObject)(o["settings"]?.DeepClone() ?? new JsonObject()));
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
