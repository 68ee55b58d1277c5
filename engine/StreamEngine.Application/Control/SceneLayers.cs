using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// A scene's layer list as a request gives it: ids of layers the show has, or whole layer objects that it adds
/// (bottom first). REST and the WebSocket read it the same way.
/// </summary>
/// <param name="Ids">Every layer of the scene, in order.</param>
/// <param name="NewLayers">The ones given as objects.</param>
public sealed record SceneLayers(IReadOnlyList<string> Ids, IReadOnlyList<LayerState> NewLayers)
{
    /// <summary>Reads <c>["bg", {"id": "card", "type": "overlay.text", …}]</c>; the problem names <paramref name="field"/> and the item.</summary>
    public static SceneLayers Read(JsonNode? node, string field)
    {
        if (node is not JsonArray items)
            throw new ShowRequestException(RequestFailure.Invalid, $"{field}: expected an array of layer ids or layer objects", field);
        var ids = new List<string>();
        var layers = new List<LayerState>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = $"{field}[{i}]";
            string id;
            if (items[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String) id = value.GetValue<string>();
            else if (items[i] is JsonObject layer)
            {
                try { layers.Add(LayerJson.FromJson(layer)); }
                catch (Exception e) when (e is JsonException or SceneException or InvalidOperationException)
                {
                    throw new ShowRequestException(RequestFailure.Invalid, $"{item}: not a layer: {e.Message}", item);
                }
                id = layers[^1].Id;
            }
            else throw new ShowRequestException(RequestFailure.Invalid, $"{item}: expected a layer id or a layer object", item);
            if (id.Length == 0) throw new ShowRequestException(RequestFailure.Invalid, $"{item}: expected a non-empty layer id", item);
            if (ids.Contains(id)) throw new ShowRequestException(RequestFailure.Invalid, $"{item}: layer '{id}' is listed twice", item);
            ids.Add(id);
        }
        return new SceneLayers(ids, layers);
    }
}
