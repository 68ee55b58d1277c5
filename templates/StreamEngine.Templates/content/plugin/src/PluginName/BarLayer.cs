using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;

namespace PluginName;

/// <summary>
/// <c>plugin-id.bar</c>: a progress bar. Props: <c>value</c> (0 to 1) and <c>color</c> (<c>#rrggbb</c>).
/// The engine finds it by scanning the plugin for public <see cref="ILayerType"/> classes.
/// </summary>
public sealed class BarLayer : ILayerType
{
    /// <inheritdoc />
    public string Name => "plugin-id.bar";

    /// <inheritdoc />
    public string? PropsSchema => """
        { "type": "object", "properties": {
            "value": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 },
            "color": { "type": "string", "format": "color", "default": "#4cc9f0" } } }
        """;

    /// <inheritdoc />
    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            // Every number from props is checked: a bad one draws the default, never an exception or NaN.
            var value = Number(context.Props["value"]) is { } d && double.IsFinite(d) ? Math.Clamp(d, 0, 1) : 0.5;
            var color = context.Props["color"] is JsonValue c && c.TryGetValue<string>(out var text) && SKColor.TryParse(text, out var parsed)
                ? parsed : new SKColor(0x4c, 0xc9, 0xf0);
            var (width, height) = (context.Size.Width, context.Size.Height);
            using var paint = new SKPaint { Color = color.WithAlpha(60) };
            context.Canvas.DrawRect(0, 0, width, height, paint);
            paint.Color = color;
            context.Canvas.DrawRect(0, 0, (float)(width * value), height, paint);
        }

        public void Dispose() { }

        // A JSON number whether it came from text or from code (an int, a double …); null otherwise.
        private static double? Number(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
