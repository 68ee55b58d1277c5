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

    public string? PropsSchema => PropsSchemas.Background;

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
            var box = SKRect.Create(context.Size.Width, context.Size.Height);
            using var paint = new SKPaint { IsDither = false, Shader = Gradient.Shader(gradient, "gradient", box) };
            context.Canvas.DrawRect(box, paint);
        }

        public void Dispose() { }
    }
}
