using System.Text.Json.Nodes;
using StreamEngine.Sdk;
using StreamEngine.Application;
using static StreamEngine.Server.WebSocket.RequestFields;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// The obs-websocket requests that control surfaces send, mapped onto the show: layers are scene items and inputs
/// (sourceName and inputName are the layer id, inputSettings its props), the stream is the network outputs and the
/// recording a file in the recordings folder.
/// </summary>
internal sealed partial class ShowRequests
{
    private async Task<JsonObject?> GetSceneItemList(JsonObject data, RequestContext context)
    {
        var scene = await SceneAsync(data);
        var onScreen = (await _show.LayersAsync()).ToDictionary(l => l.Id); // one read between frames, not one per item
        var items = new JsonArray();
        foreach (var (id, index) in scene.Layers.Select((id, i) => (id, i)))
        {
            if ((onScreen.GetValueOrDefault(id) ?? await _show.LayerAsync(id)) is not { } layer) continue;
            items.Add(new JsonObject
            {
                ["sceneItemId"] = SceneItems.Of(id), ["sceneItemIndex"] = index, ["sceneItemEnabled"] = layer.Visible,
                ["sceneItemLocked"] = false, ["sceneItemBlendMode"] = "OBS_BLEND_NORMAL", ["sourceName"] = id,
                ["sourceUuid"] = SceneItemIds.SceneUuid("layer:" + id), ["sourceType"] = "OBS_SOURCE_TYPE_INPUT", ["inputKind"] = layer.Type,
                ["isGroup"] = null, ["sceneItemTransform"] = Transform(layer.Transform),
            });
        }
        return new JsonObject { ["sceneItems"] = items };
    }

    private async Task<JsonObject?> GetSceneItemId(JsonObject data, RequestContext context)
    {
        var scene = await SceneAsync(data);
        var source = RequiredString(data, "sourceName");
        if (!scene.Layers.Contains(source))
            throw new ShowRequestException(RequestFailure.NotFound, $"Scene `{scene.Name}` has no layer `{source}`.", "sourceName");
        return new JsonObject { ["sceneItemId"] = SceneItems.Of(source) };
    }

    private async Task<JsonObject?> GetSceneItemEnabled(JsonObject data, RequestContext context)
    {
        var layer = await SceneItemAsync(data);
        return new JsonObject { ["sceneItemEnabled"] = layer.Visible };
    }

    private async Task<JsonObject?> SetSceneItemEnabled(JsonObject data, RequestContext context)
    {
        var layer = await SceneItemAsync(data);
        var enabled = data["sceneItemEnabled"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b
            : throw new RequestFieldException(RequestStatus.InvalidRequestFieldType, "Field `sceneItemEnabled` must be true or false.");
        await _show.PatchLayerAsync(layer.Id, new JsonObject { ["visible"] = enabled });
        return null;
    }

    private async Task<JsonObject?> GetInputSettings(JsonObject data, RequestContext context)
    {
        var layer = await InputAsync(data);
        return new JsonObject { ["inputSettings"] = layer.Props.DeepClone(), ["inputKind"] = layer.Type };
    }

    /// <summary><c>overlay</c> (default true) merges the settings into the props; false replaces them.</summary>
    private async Task<JsonObject?> SetInputSettings(JsonObject data, RequestContext context)
    {
        var layer = await InputAsync(data);
        var settings = (JsonObject)RequiredObject(data, "inputSettings").DeepClone();
        var overlay = data["overlay"] is not JsonValue o || !o.TryGetValue<bool>(out var merge) || merge;
        if (!overlay) foreach (var key in layer.Props.Select(p => p.Key).Where(k => !settings.ContainsKey(k)).ToList()) settings[key] = null;
        await _show.PatchLayerAsync(layer.Id, new JsonObject { ["props"] = settings });
        return null;
    }

    private Task<JsonObject?> GetStreamStatus(JsonObject data, RequestContext context)
    {
        var stream = _show.StreamStatus();
        return Done(new JsonObject
        {
            ["outputActive"] = stream.Active, ["outputReconnecting"] = stream.Reconnecting, ["outputTimecode"] = Timecode(stream.Seconds),
            ["outputDuration"] = Math.Round(stream.Seconds * 1000), ["outputCongestion"] = 0, ["outputBytes"] = stream.Bytes,
            ["outputSkippedFrames"] = 0, ["outputTotalFrames"] = 0,
        });
    }

    private async Task<JsonObject?> StartStream(JsonObject data, RequestContext context)
    {
        await _show.StartStreamAsync();
        return null;
    }

    private async Task<JsonObject?> StopStream(JsonObject data, RequestContext context)
    {
        await _show.StopStreamAsync();
        return null;
    }

    private Task<JsonObject?> GetRecordStatus(JsonObject data, RequestContext context)
    {
        var record = _show.RecordStatus();
        return Done(new JsonObject
        {
            ["outputActive"] = record.Active, ["outputPaused"] = false, ["outputTimecode"] = Timecode(record.Seconds),
            ["outputDuration"] = Math.Round(record.Seconds * 1000), ["outputBytes"] = record.Bytes,
        });
    }

    private async Task<JsonObject?> StartRecord(JsonObject data, RequestContext context)
    {
        await _show.StartRecordAsync();
        return null;
    }

    private async Task<JsonObject?> StopRecord(JsonObject data, RequestContext context) =>
        new() { ["outputPath"] = await _show.StopRecordAsync() };

    private async Task<SceneInfo> SceneAsync(JsonObject data)
    {
        var name = await SceneNameAsync(data);
        return (await _show.ScenesAsync()).Scenes.FirstOrDefault(s => s.Name == name)
            ?? throw new ShowRequestException(RequestFailure.NotFound, $"No scene is named `{name}`.", "sceneName");
    }

    private async Task<LayerState> SceneItemAsync(JsonObject data)
    {
        var scene = await SceneAsync(data);
        var item = RequiredInteger(data, "sceneItemId", 1, int.MaxValue);
        var id = SceneItems.LayerOf(item) is { } known && scene.Layers.Contains(known) ? known
            : throw new ShowRequestException(RequestFailure.NotFound, $"Scene `{scene.Name}` has no item {item}; GetSceneItemList lists them.", "sceneItemId");
        return await _show.LayerAsync(id) ?? throw new ShowRequestException(RequestFailure.NotFound, $"No layer has the id `{id}`.", "sceneItemId");
    }

    private async Task<LayerState> InputAsync(JsonObject data)
    {
        var id = RequiredString(data, "inputName");
        return await _show.LayerAsync(id) ?? throw new ShowRequestException(RequestFailure.NotFound, $"No input (layer) is named `{id}`.", "inputName");
    }

    private static JsonObject Transform(LayerTransform t) => new()
    {
        ["positionX"] = t.X, ["positionY"] = t.Y, ["width"] = t.Width, ["height"] = t.Height, ["sourceWidth"] = t.Width, ["sourceHeight"] = t.Height,
        ["scaleX"] = t.ScaleX, ["scaleY"] = t.ScaleY, ["rotation"] = t.Rotation, ["alignment"] = 5,
    };

    private static string Timecode(double seconds) => TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 359_999)).ToString(@"hh\:mm\:ss\.fff");
}
