using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>The one JSON shape of scenes and layers, shared by scene files, the API and the state store.</summary>
public static class LayerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static JsonObject ToJson(LayerState layer) => JsonSerializer.SerializeToNode(layer, Options)!.AsObject();

    public static LayerState FromJson(JsonNode node) =>
        node.Deserialize<LayerState>(Options) ?? throw new SceneException("layer: expected an object");

    /// <summary>Applies a JSON merge patch (RFC 7386); the id cannot change.</summary>
    public static LayerState Patch(LayerState layer, JsonObject patch)
    {
        var merged = ToJson(layer);
        Merge(merged, patch);
        var result = FromJson(merged);
        result.Id = layer.Id;
        return result;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null) target.Remove(key);
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject) Merge(targetObject, patchObject);
            else target[key] = value.DeepClone();
        }
    }
}
