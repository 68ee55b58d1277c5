using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>shape</c>: a rectangle (with <c>radius</c> for rounded corners) or a <c>circle</c> (an ellipse filling the box).
/// Props: <c>shape</c> (rect, circle), <c>fill</c> (color), <c>stroke</c> (color), <c>strokeWidth</c>, <c>radius</c>.
/// </summary>
public sealed class ShapeLayer : ILayerType
{
    public string Name => "shape";

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var strokeWidth = (float)Props.Number(props, "strokeWidth", props["stroke"] is null ? 0 : 2);
            var inset = strokeWidth / 2;
            var box = new SKRect(inset, inset, context.Size.Width - inset, context.Size.Height - inset);
            var radius = (float)Props.Number(props, "radius", 0);
            var shape = Props.String(props, "shape") ?? "rect";
            if (shape is not ("rect" or "circle")) throw new ArgumentException($"props.shape: expected rect or circle, got \"{shape}\"");
            using var paint = new SKPaint { IsAntialias = true };
            if (props["fill"] is not null)
            {
                paint.Color = Props.Color(props, "fill", SKColors.White);
                Draw(context.Canvas, shape, box, radius, paint);
            }
            if (strokeWidth > 0)
            {
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = strokeWidth;
                paint.Color = Props.Color(props, "stroke", SKColors.White);
                Draw(context.Canvas, shape, box, radius, paint);
            }
        }

        private static void Draw(SKCanvas canvas, string shape, SKRect box, float radius, SKPaint paint)
        {
            if (shape == "circle") canvas.DrawOval(box, paint);
            else canvas.DrawRoundRect(box, radius, radius, paint);
        }

        public void Dispose() { }
    }
}
