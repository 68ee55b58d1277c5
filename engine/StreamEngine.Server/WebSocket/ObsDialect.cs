using System.Text.Json.Nodes;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// What changes for a client that asked for the <c>obswebsocket.json</c> subprotocol (obs-websocket-js, obsws-python,
/// goobs, Stream Deck, Companion, Streamer.bot): its <c>eventSubscriptions</c> are obs-websocket's bits, and it gets
/// the show's events that obs-websocket has, under their names and fields. Requests are the same for every client.
/// </summary>
internal static class ObsDialect
{
    public const string Subprotocol = "obswebsocket.json";

    /// <summary>obs-websocket-js in Node asks for this one by default: the same messages, encoded as MessagePack in binary frames.</summary>
    public const string MessagePackSubprotocol = "obswebsocket.msgpack";

    /// <summary>The subprotocol to answer with: JSON when the client offers it, else MessagePack, else none (the show's own protocol).</summary>
    public static string? Choose(IList<string> requested) =>
        requested.Contains(Subprotocol) ? Subprotocol : requested.Contains(MessagePackSubprotocol) ? MessagePackSubprotocol : null;

    // obs-websocket's EventSubscription bits (the ones this engine raises events for).
    private const int Scenes = 1 << 2, Outputs = 1 << 6, SceneItems = 1 << 7;

    /// <summary>General … Ui: obs-websocket's default; its high-volume bits (1 &lt;&lt; 16 and up) have no events here.</summary>
    public const EventSubscription All = (EventSubscription)((1 << 11) - 1);

    /// <summary>The obs-websocket event for a show event, or null when obs-websocket has none.</summary>
    public static ShowEvent? Translate(ShowEvent e, SceneItemIds items)
    {
        switch (e.Type)
        {
            case "CurrentProgramSceneChanged" when e.Data["sceneName"]?.GetValue<string>() is { } name:
                return Event(Scenes, e.Type, new JsonObject { ["sceneName"] = name, ["sceneUuid"] = SceneItemIds.SceneUuid(name) });
            case "SceneListChanged" when e.Data["scenes"] is JsonArray scenes:
                var list = scenes.Select((s, i) => (JsonNode?)new JsonObject
                {
                    ["sceneIndex"] = scenes.Count - 1 - i, ["sceneName"] = s!["name"]!.GetValue<string>(), ["sceneUuid"] = SceneItemIds.SceneUuid(s["name"]!.GetValue<string>()),
                }).Reverse().ToArray();
                return Event(Scenes, e.Type, new JsonObject { ["scenes"] = new JsonArray(list) });
            case "SceneItemEnableStateChanged" when e.Data["layerId"]?.GetValue<string>() is { } layer && e.Data["sceneName"]?.GetValue<string>() is { } scene:
                return Event(SceneItems, e.Type, new JsonObject
                {
                    ["sceneName"] = scene, ["sceneUuid"] = SceneItemIds.SceneUuid(scene), ["sceneItemId"] = items.Of(layer),
                    ["sceneItemEnabled"] = e.Data["sceneItemEnabled"]?.DeepClone(),
                });
            case "StreamStateChanged" or "RecordStateChanged":
                return Event(Outputs, e.Type, (JsonObject)e.Data.DeepClone());
            default:
                return null;
        }
    }

    private static ShowEvent Event(int intent, string type, JsonObject data) => new((EventCategory)intent, type, data);
}
