using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;

namespace StreamEngine.Plugins.Chat;

/// <summary>
/// <c>chat</c>: the pipeline's state over REST (<c>/api/behaviours/chat/…</c>), scripts (<c>call("chat", …)</c>) and
/// events. Bans and timeouts (<c>GET|POST bans</c>, <c>DELETE bans/{author}</c>), moderation settings
/// (<c>GET|PUT settings</c>) and reaction counts (<c>GET reactions</c>, a <c>Reactions</c> event at most once a
/// second while they change). Bans and settings are kept in the behaviour's state, so they survive a restart.
/// </summary>
public sealed class ChatBehaviour(ChatRoom room) : IShowBehaviour
{
    private IBehaviourContext? _context;

    public string Id => "chat";

    public IReadOnlyList<BehaviourRoute> Routes =>
    [
        new("GET", "bans", _ => Ok(room.Bans.ToJson())),
        new("POST", "bans", r => Answer(() => Ban(r.Body))),
        new("DELETE", "bans/{author}", r => Answer(() => room.Bans.Remove(Uri.UnescapeDataString(r.Path["bans/".Length..]))
            ? new JsonObject { ["removed"] = true }
            : throw new KeyNotFoundException($"'{r.Path["bans/".Length..]}' is not banned"))),
        new("GET", "settings", _ => Ok(room.Settings.ToJson())),
        new("PUT", "settings", r => Answer(() => Configure(r.Body))),
        new("GET", "reactions", _ => Ok(room.Reactions.ToJson())),
    ];

    public void Start(IBehaviourContext context)
    {
        _context = context;
        var state = context.Show.State;
        room.Bans.Load(state["bans"]);
        room.Settings = Moderation.ModerationSettings.From(state["settings"]);
        room.Reactions.Load(state["reactions"]);
        room.Bans.Changed += Save;
        context.Show.Every(1, PublishReactions);
    }

    public JsonNode? Call(string method, JsonNode? argument) => method switch
    {
        "reactions" => room.Reactions.ToJson(),
        "bans" => room.Bans.ToJson(),
        "ban" => Ban(argument),
        "unban" => room.Bans.Remove(argument?["author"]?.GetValue<string>() ?? throw new ArgumentException("unban: expected { author }")),
        "settings" => argument is null ? room.Settings.ToJson() : Configure(argument),
        _ => throw new ArgumentException($"unknown method '{method}'; expected reactions, bans, ban, unban or settings"),
    };

    private JsonObject Ban(JsonNode? body)
    {
        if (body is not JsonObject o || o["author"] is not JsonValue a || !a.TryGetValue<string>(out var author))
            throw new ArgumentException("expected a name", "author");
        double? seconds = o["seconds"] is null ? null : Number(o["seconds"]) ?? throw new ArgumentException("expected a number of seconds", "seconds");
        var reason = o["reason"] is JsonValue r && r.TryGetValue<string>(out var text) ? text : null;
        return room.Bans.Add(author, seconds, reason).ToJson();
    }

    private JsonObject Configure(JsonNode? body)
    {
        if (body is not JsonObject o) throw new ArgumentException("expected an object of settings", "body");
        room.Settings = room.Settings.With(o);
        if (_context is not null) _context.Show.State["settings"] = room.Settings.ToJson();
        return room.Settings.ToJson();
    }

    private void Save()
    {
        if (_context is not null) _context.Show.State["bans"] = room.Bans.ToJson();
    }

    private void PublishReactions()
    {
        if (_context is null || !room.Reactions.Changed) return;
        room.Reactions.Changed = false;
        var counts = room.Reactions.ToJson();
        _context.Show.State["reactions"] = counts.DeepClone();
        _context.Publish("Reactions", counts);
    }

    /// <summary>A finite JSON number, whatever .NET type it was made from; null for anything else.</summary>
    internal static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : null;

    private static Task<BehaviourResponse> Ok(JsonNode body) => Task.FromResult(BehaviourResponse.Ok(body));

    private static Task<BehaviourResponse> Answer(Func<JsonNode> work)
    {
        try { return Ok(work()); }
        catch (ArgumentException e) { return Task.FromResult(BehaviourResponse.Problem(400, e.ParamName ?? "body", e.Message.Split(" (Parameter")[0])); }
        catch (KeyNotFoundException e) { return Task.FromResult(BehaviourResponse.Problem(404, "author", e.Message)); }
    }

    public void Dispose()
    {
        room.Bans.Changed -= Save;
        _context = null;
    }
}
