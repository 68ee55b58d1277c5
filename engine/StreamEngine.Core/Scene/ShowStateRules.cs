using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>
/// The one validator of show state. Every layer that enters the scene graph (API, WebSocket, scripts, behaviours,
/// scene files, restored snapshots) is checked here, and every value an animation writes is bounded here, so the
/// frame thread only ever sees finite numbers, boxes it can allocate and props of bounded size.
/// </summary>
public static class ShowStateRules
{
    /// <summary>The problems of one layer, each naming its field (<c>transform.width</c>, <c>props.text</c>) after <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<ValidationProblem> Check(LayerState layer, ShowLimits limits, string prefix = "")
    {
        var problems = new List<ValidationProblem>();
        if (layer.Id.Length > limits.MaxIdLength) problems.Add(new(prefix + "id", $"expected at most {limits.MaxIdLength} characters, got {layer.Id.Length}"));
        if (layer.Type.Length > limits.MaxIdLength) problems.Add(new(prefix + "type", $"expected at most {limits.MaxIdLength} characters, got {layer.Type.Length}"));
        if (Math.Abs((long)layer.ZIndex) > limits.MaxZIndex) problems.Add(new(prefix + "zIndex", $"expected -{limits.MaxZIndex} to {limits.MaxZIndex}, got {layer.ZIndex}"));
        CheckTransform(layer.Transform, limits, prefix + "transform.", problems);
        var values = 0;
        CheckProps(layer.Props, limits, prefix + "props", 1, ref values, problems);
        return problems;
    }

    /// <summary>The problems of a whole scene's layers (a scene file, a restored snapshot), named by JSON path (<c>$.layers[2].transform.width</c>).</summary>
    public static IReadOnlyList<ValidationProblem> CheckScene(SceneState scene, ShowLimits limits)
    {
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < scene.Layers.Count; i++) problems.AddRange(Check(scene.Layers[i], limits, $"$.layers[{i}]."));
        var bytes = scene.Layers.Sum(l => limits.RasterBytes(l.Transform));
        if (bytes > limits.RasterBudgetBytes)
            problems.Add(new("$.layers", $"the layers' rasters would take {bytes >> 20} MB, more than RASTER_BUDGET_MB ({limits.RasterBudgetBytes >> 20} MB)"));
        return problems;
    }

    /// <summary>Whether the scene stays within the raster budget with <paramref name="layer"/> added or replacing the layer of its id.</summary>
    public static ValidationProblem? CheckBudget(IEnumerable<LayerState> others, LayerState layer, ShowLimits limits, string prefix = "")
    {
        var total = limits.RasterBytes(layer.Transform) + others.Where(o => o.Id != layer.Id).Sum(o => limits.RasterBytes(o.Transform));
        return total <= limits.RasterBudgetBytes ? null : new(prefix + "transform",
            $"the layers' rasters would take {total >> 20} MB, more than RASTER_BUDGET_MB ({limits.RasterBudgetBytes >> 20} MB); make this layer or others smaller");
    }

    /// <summary>The problems of one value written into props (by an animation), by the same rules as a layer's props.</summary>
    public static IReadOnlyList<ValidationProblem> CheckValue(JsonNode? value, ShowLimits limits, string path)
    {
        var problems = new List<ValidationProblem>();
        var values = 0;
        CheckProps(value, limits, path, 1, ref values, problems);
        return problems;
    }

    /// <summary>A chat source's text within <see cref="ShowLimits.MaxChatTextLength"/>: cut there, never inside a surrogate pair.</summary>
    public static string ChatText(string? text, ShowLimits limits)
    {
        if (text is null) return "";
        var max = Math.Max(1, limits.MaxChatTextLength);
        if (text.Length <= max) return text;
        return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }

    private static void CheckTransform(LayerTransform t, ShowLimits limits, string path, List<ValidationProblem> problems)
    {
        Range("x", t.X, -limits.MaxCoordinate, limits.MaxCoordinate);
        Range("y", t.Y, -limits.MaxCoordinate, limits.MaxCoordinate);
        Range("width", t.Width, 0, limits.MaxLayerWidth, " (0 fills the frame; LAYER_MAX_SIZE)");
        Range("height", t.Height, 0, limits.MaxLayerHeight, " (0 fills the frame; LAYER_MAX_SIZE)");
        Range("scaleX", t.ScaleX, -limits.MaxScale, limits.MaxScale);
        Range("scaleY", t.ScaleY, -limits.MaxScale, limits.MaxScale);
        Range("rotation", t.Rotation, -limits.MaxRotation, limits.MaxRotation);
        Range("opacity", t.Opacity, 0, 1);
        Range("anchor.x", t.Anchor.X, -limits.MaxAnchor, limits.MaxAnchor);
        Range("anchor.y", t.Anchor.Y, -limits.MaxAnchor, limits.MaxAnchor);

        void Range(string field, double value, double min, double max, string why = "")
        {
            if (!double.IsFinite(value) || value < min || value > max)
                problems.Add(new(path + field, $"expected a number from {min} to {max}{why}, got {value}"));
        }
    }

    private static void CheckProps(JsonNode? node, ShowLimits limits, string path, int depth, ref int values, List<ValidationProblem> problems)
    {
        if (problems.Count > 20) return; // enough to fix; a hostile document is not walked to its end
        if (++values > limits.MaxPropValues)
        {
            if (values == limits.MaxPropValues + 1) problems.Add(new(path, $"props hold more than {limits.MaxPropValues} values"));
            return;
        }
        if (depth > limits.MaxDepth)
        {
            problems.Add(new(path, $"nested deeper than {limits.MaxDepth} levels"));
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key.Length > limits.MaxIdLength) problems.Add(new(path, $"a field name is longer than {limits.MaxIdLength} characters"));
                    CheckProps(child, limits, $"{path}.{key}", depth + 1, ref values, problems);
                }
                break;
            case JsonArray array:
                if (array.Count > limits.MaxArrayLength) problems.Add(new(path, $"expected at most {limits.MaxArrayLength} items, got {array.Count}"));
                else for (var i = 0; i < array.Count; i++) CheckProps(array[i], limits, $"{path}[{i}]", depth + 1, ref values, problems);
                break;
            case JsonValue value when value.TryGetValue<double>(out var number):
                if (!double.IsFinite(number)) problems.Add(new(path, $"expected a finite number, got {number}"));
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text.Length > limits.MaxTextLength) problems.Add(new(path, $"expected at most {limits.MaxTextLength} characters, got {text.Length}"));
                break;
        }
    }
}
