using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StreamEngine.Core.Scene;

/// <summary>The rules a scene document must follow; each broken rule becomes a problem naming its JSON path.</summary>
internal static partial class SceneRules
{
    private static readonly HashSet<string> SceneFields = ["size", "fps", "layers", "animations", "triggers", "chat", "audio", "scenes", "onAir"]; // "chat" and "audio" are read by the host (chat sources and stages, the mix)
    private static readonly HashSet<string> LayerFields = ["id", "type", "zIndex", "visible", "transform", "props"];
    private static readonly HashSet<string> TransformFields = ["x", "y", "width", "height", "anchor", "scaleX", "scaleY", "rotation", "opacity"];

    [GeneratedRegex(@"^\d{2,5}x\d{2,5}$")]
    public static partial Regex SizePattern();

    public static void CheckScene(JsonObject scene, List<ValidationProblem> problems, Func<string, bool>? isKnownType, int maxLayers)
    {
        UnknownFields(scene, "$", SceneFields, problems);
        if (scene["size"] is { } size && !(size.GetValueKind() == JsonValueKind.String && SizePattern().IsMatch(size.GetValue<string>())))
            problems.Add(new("$.size", $"expected \"WIDTHxHEIGHT\" such as \"1280x720\", got {size.ToJsonString()}"));
        if (scene["fps"] is { } fps && !(IsInteger(fps, out var f) && f is >= 1 and <= 60))
            problems.Add(new("$.fps", $"expected an integer from 1 to 60, got {fps.ToJsonString()}"));
        if (scene["layers"] is not JsonArray layers)
        {
            problems.Add(new("$.layers", "expected an array of layers"));
            return;
        }
        if (layers.Count > maxLayers)
            problems.Add(new("$.layers", $"has {layers.Count} layers; MAX_LAYERS is {maxLayers}"));
        foreach (var list in new[] { "animations", "triggers" })
        {
            if (scene[list] is null) continue;
            if (scene[list] is not JsonArray items) problems.Add(new($"$.{list}", "expected an array of objects"));
            else for (var i = 0; i < items.Count; i++)
                if (items[i] is not JsonObject) problems.Add(new($"$.{list}[{i}]", "expected an object"));
        }
        var ids = new HashSet<string>();
        for (var i = 0; i < layers.Count; i++)
            CheckLayer(layers[i], $"$.layers[{i}]", ids, problems, isKnownType);
        CheckNamedScenes(scene, ids, problems);
    }

    private static void CheckLayer(JsonNode? node, string path, HashSet<string> ids, List<ValidationProblem> problems, Func<string, bool>? isKnownType)
    {
        if (node is not JsonObject layer)
        {
            problems.Add(new(path, "expected a layer object"));
            return;
        }
        UnknownFields(layer, path, LayerFields, problems);
        if (!IsNonEmptyString(layer["id"], out var id)) problems.Add(new($"{path}.id", "expected a non-empty string"));
        else if (!ids.Add(id)) problems.Add(new($"{path}.id", $"duplicate layer id '{id}'"));
        if (!IsNonEmptyString(layer["type"], out var type)) problems.Add(new($"{path}.type", "expected a layer type name such as \"overlay.text\""));
        else if (isKnownType is not null && !isKnownType(type)) problems.Add(new($"{path}.type", $"unknown layer type '{type}'; no loaded plugin provides it"));
        if (layer["zIndex"] is { } z && !IsInteger(z, out _)) problems.Add(new($"{path}.zIndex", $"expected an integer, got {z.ToJsonString()}"));
        if (layer["visible"] is { } v && v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            problems.Add(new($"{path}.visible", $"expected true or false, got {v.ToJsonString()}"));
        if (layer["props"] is { } props && props is not JsonObject) problems.Add(new($"{path}.props", "expected an object"));
        if (layer["transform"] is { } t) CheckTransform(t, $"{path}.transform", problems);
    }

    private static void CheckTransform(JsonNode node, string path, List<ValidationProblem> problems)
    {
        if (node is not JsonObject transform)
        {
            problems.Add(new(path, "expected an object"));
            return;
        }
        UnknownFields(transform, path, TransformFields, problems);
        foreach (var (key, value) in transform)
        {
            if (key == "anchor") continue;
            if (!IsNumber(value, out var n)) { problems.Add(new($"{path}.{key}", $"expected a number, got {value?.ToJsonString() ?? "null"}")); continue; }
            if (key == "opacity" && n is < 0 or > 1) problems.Add(new($"{path}.opacity", $"expected a number from 0 to 1, got {n}"));
            if (key is "width" or "height" && n < 0) problems.Add(new($"{path}.{key}", $"expected a number of pixels >= 0, got {n}"));
        }
        if (transform["anchor"] is { } anchor)
        {
            if (anchor is not JsonObject a || !IsNumber(a["x"] ?? 0, out _) || !IsNumber(a["y"] ?? 0, out _))
                problems.Add(new($"{path}.anchor", "expected {\"x\": 0..1, \"y\": 0..1}"));
        }
    }

    private static void UnknownFields(JsonObject obj, string path, HashSet<string> known, List<ValidationProblem> problems)
    {
        foreach (var (key, _) in obj)
            if (!known.Contains(key))
                problems.Add(new($"{path}.{key}", $"unknown field; expected one of {string.Join(", ", known)}"));
    }

    private static bool IsNonEmptyString(JsonNode? node, out string value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
        return value.Length > 0;
    }

    private static bool IsNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        value = v.GetValue<double>();
        return true;
    }

    private static bool IsInteger(JsonNode node, out long value)
    {
        value = 0;
        if (!IsNumber(node, out var d) || d != Math.Floor(d)) return false;
        value = (long)d;
        return true;
    }
}
