using System.Text.Json.Nodes;
using StreamEngine.Application;
using static StreamEngine.Server.WebSocket.RequestFields;

namespace StreamEngine.Server.WebSocket;

/// <summary>Named scenes, with obs-websocket's request and field names (<c>sceneName</c>, <c>currentProgramSceneName</c>).</summary>
internal sealed partial class ShowRequests
{
    public SceneItemIds SceneItems { get; } = new();

    private async Task<JsonObject?> GetSceneList(JsonObject data, RequestContext context)
    {
        var list = await _show.ScenesAsync();
        // As obs-websocket: sceneIndex 0 is the last scene of the list, and the array runs from it up.
        var scenes = list.Scenes.Select((s, i) => (JsonNode?)new JsonObject
        {
            ["sceneIndex"] = list.Scenes.Count - 1 - i, ["sceneName"] = s.Name, ["sceneUuid"] = SceneItemIds.SceneUuid(s.Name), ["layers"] = Ids(s.Layers),
        }).Reverse().ToArray();
        return new JsonObject
        {
            ["currentProgramSceneName"] = list.OnAir, ["currentProgramSceneUuid"] = SceneItemIds.SceneUuid(list.OnAir),
            ["currentPreviewSceneName"] = null, ["currentPreviewSceneUuid"] = null, ["scenes"] = new JsonArray(scenes),
        };
    }

    private async Task<JsonObject?> GetCurrentProgramScene(JsonObject data, RequestContext context)
    {
        var onAir = (await _show.ScenesAsync()).OnAir;
        var uuid = SceneItemIds.SceneUuid(onAir);
        return new JsonObject
        {
            ["sceneName"] = onAir, ["sceneUuid"] = uuid, ["currentProgramSceneName"] = onAir, ["currentProgramSceneUuid"] = uuid,
        };
    }

    /// <summary><c>{sceneName | sceneUuid, transition?: {kind, duration, easing}}</c>; without a transition, a cut.</summary>
    private async Task<JsonObject?> SetCurrentProgramScene(JsonObject data, RequestContext context)
    {
        var name = await SceneNameAsync(data);
        var transition = data["transition"] is null ? [] : RequiredObject(data, "transition");
        await _show.SwitchToSceneAsync(name, OptionalString(transition, "kind") ?? "cut", OptionalNumber(transition, "duration") ?? 0.5,
            OptionalString(transition, "easing") ?? "easeInOutSine");
        return null;
    }

    /// <summary><c>{sceneName, layers?}</c>: layers are ids or layer objects, as in POST /api/scenes; none makes an empty scene.</summary>
    private async Task<JsonObject?> CreateScene(JsonObject data, RequestContext context)
    {
        var name = RequiredString(data, "sceneName");
        await _show.CreateSceneAsync(name, data["layers"] is null ? new SceneLayers([], []) : SceneLayers.Read(data["layers"], "layers"));
        return new JsonObject { ["sceneUuid"] = SceneItemIds.SceneUuid(name) };
    }

    private async Task<JsonObject?> SetSceneLayers(JsonObject data, RequestContext context)
    {
        await _show.SaveSceneAsync(await SceneNameAsync(data), SceneLayers.Read(data["layers"], "layers"));
        return null;
    }

    private async Task<JsonObject?> RemoveScene(JsonObject data, RequestContext context)
    {
        await _show.RemoveSceneAsync(await SceneNameAsync(data));
        return null;
    }

    /// <summary>The scene a request names by <c>sceneName</c>, or by <c>sceneUuid</c> as newer obs-websocket clients do.</summary>
    private async Task<string> SceneNameAsync(JsonObject data)
    {
        if (data["sceneName"] is not null || data["sceneUuid"] is null) return RequiredString(data, "sceneName");
        var uuid = RequiredString(data, "sceneUuid");
        return (await _show.ScenesAsync()).Scenes.FirstOrDefault(s => SceneItemIds.SceneUuid(s.Name) == uuid)?.Name
            ?? throw new ShowRequestException(RequestFailure.NotFound, $"No scene has the UUID `{uuid}`.", "sceneUuid");
    }

    private static JsonArray Ids(IEnumerable<string> ids) => new([.. ids.Select(id => (JsonNode?)id)]);
}
