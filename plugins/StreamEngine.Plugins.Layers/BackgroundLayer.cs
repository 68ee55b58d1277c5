using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>background</c>: a solid color (<c>{"color": "#101820"}</c>) or a gradient
/// (<c>{"gradient": {"type": "linear", "colors": ["#0b1d3a", "#4a1d5e"], "angle": 135}}</c>; type linear or radial).
/// </summary>
public sealed class BackgroundLayer : ILayerType
{
    public string Name => "background";

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            if (context.Props["gradient"] is { } gradient)
            {
                DrawGradient(context, gradient as JsonObject ?? throw Props.Bad("gradient", "an object with type, colors and angle", gradient));
                return;
            }
            context.Canvas.Clear(Props.Color(context.Props, "color", SKColors.Black));
        }

        private static void DrawGradient(LayerDrawContext context, JsonObject gradient)
        {
            var colors = gradient["colors"] is JsonArray list && list.Count >= 2
                ? list.Select((c, i) => Props.ParseColor(c?.GetValue<string>() ?? "", $"props.gradient.colors[{i}]")).ToArray()
                : throw Props.Bad("gradient.colors", "an array of at least two colors", gradient["colors"]);
            var type = Props.String(gradient, "type") ?? "linear";
            var (w, h) = (context.Size.Width, context.Size.Height);
            using var paint = new SKPaint { IsDither = false };
            paint.Shader = type switch
            {
                "linear" => Linear(w, h, Props.Number(gradient, "angle", 180), colors),
                "radial" => SKShader.CreateRadialGradient(new SKPoint(w / 2f, h / 2f), MathF.Max(w, h) / 2f, colors, SKShaderTileMode.Clamp),
                _ => throw new ArgumentException($"props.gradient.type: expected \"linear\" or \"radial\", got \"{type}\""),
            };
            context.Canvas.DrawRect(0, 0, w, h, paint);
        }

        // CSS convention: 180° runs top to bottom, 90° left to right.
        private static SKShader Linear(int w, int h, double angle, SKColor[] colors)
        {
            var radians = (angle - 90) * Math.PI / 180;
            var (dx, dy) = ((float)Math.Cos(radians), (float)Math.Sin(radians));
            var half = (Math.Abs(w * dx) + Math.Abs(h * dy)) / 2;
            var centre = new SKPoint(w / 2f, h / 2f);
            return SKShader.CreateLinearGradient(
                new SKPoint(centre.X - dx * half, centre.Y - dy * half),
                new SKPoint(centre.X + dx * half, centre.Y + dy * half),
                colors, SKShaderTileMode.Clamp);
        }

        public void Dispose() { }
    }
}
