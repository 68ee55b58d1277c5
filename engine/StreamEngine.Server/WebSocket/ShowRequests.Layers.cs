using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Application;
using static StreamEngine.Server.WebSocket.RequestFields;

namespace StreamEngine.Server.WebSocket;

internal sealed partial class ShowRequests
{
    private async Task<JsonObject?> GetLayerList(JsonObject data, RequestContext context) =>
        new JsonObject { ["layers"] = new JsonArray((await _show.LayersAsync()).Select(l => (JsonNode?)LayerJson.ToJson(l)).ToArray()) };

    private async Task<JsonObject?> GetLayer(JsonObject data, RequestContext context)
    {
        var id = RequiredString(data, "layerId");
        var layer = await _show.LayerAsync(id) ?? throw new ShowRequestException(RequestFailure.NotFound, $"No layer has the id `{id}`.");
        return new JsonObject { ["layer"] = LayerJson.ToJson(layer) };
    }

    private async Task<JsonObject?> CreateLayer(JsonObject data, RequestContext context)
    {
        var layer = await _show.AddLayerAsync(ReadLayer(RequiredObject(data, "layer")));
        return new JsonObject { ["layer"] = LayerJson.ToJson(layer) };
    }

    private async Task<JsonObject?> SetLayer(JsonObject data, RequestContext context)
    {
        var id = RequiredString(data, "layerId");
        var patch = (JsonObject)RequiredObject(data, "patch").DeepClone();
        var layer = await _show.PatchLayerAsync(id, patch);
        return new JsonObject { ["layer"] = LayerJson.ToJson(layer) };
    }

    private async Task<JsonObject?> RemoveLayer(JsonObject data, RequestContext context)
    {
        await _show.RemoveLayerAsync(RequiredString(data, "layerId"));
        return null;
    }

    private async Task<JsonObject?> ReorderLayers(JsonObject data, RequestContext context)
    {
        await _show.ReorderAsync(RequiredStringArray(data, "layerIds"));
        return null;
    }

    private async Task<JsonObject?> SwitchScene(JsonObject data, RequestContext context)
    {
        var layers = RequiredObjectArray(data, "layers").Select(ReadLayer).ToList();
        var transition = data["transition"] is null ? [] : RequiredObject(data, "transition");
        await _show.SwitchSceneAsync(layers, OptionalString(transition, "kind") ?? "cut", OptionalNumber(transition, "duration") ?? 0.5,
            OptionalString(transition, "easing") ?? "easeInOutSine");
        return null;
    }

    private static LayerState ReadLayer(JsonObject node)
    {
        try
        {
            return LayerJson.FromJson(node);
        }
        catch (Exception e) when (e is JsonException or SceneException or InvalidOperationException)
        {
            throw new RequestFieldException(RequestStatus.InvalidRequestField, $"Field `layer` is not a layer: {e.Message}");
        }
    }
}
