using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Plugins.Layers.Shapes;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>shape</c>: a vector shape in the layer's box.
/// Props: <c>shape</c>: <c>rect</c> (default; <c>radius</c> rounds the corners), <c>circle</c> / <c>ellipse</c> (fills the box),
/// <c>polygon</c> (<c>points</c>: [[x, y], …] as fractions of the box, 0 to 1), <c>line</c> (<c>from</c> and <c>to</c>: [x, y]
/// fractions of the box, default a horizontal line through the middle; <c>cap</c>: butt, round, square),
/// <c>path</c> (<c>d</c>: SVG path data; <c>viewBox</c>: [minX, minY, width, height] fitted into the box keeping its
/// aspect, or box pixels without it).
/// <c>fill</c>: a color, or a gradient { type (linear, radial), colors, angle } as for <c>background</c>;
/// <c>stroke</c> (color), <c>strokeWidth</c> (pixels; default 2 with a stroke, 4 for a line);
/// <c>opacity</c> (0 to 1, applied to the shape as a whole). A line is drawn with the stroke color (default white).
/// Strokes are kept inside the box.
/// </summary>
public sealed class ShapeLayer : ILayerType
{
    public string Name => "shape";

    public string? PropsSchema => PropsSchemas.Shape;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer();

    private sealed class Renderer : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var kind = Props.String(props, "shape") ?? "rect";
            if (!ShapeGeometry.Kinds.Contains(kind)) throw Props.Bad("shape", string.Join(", ", ShapeGeometry.Kinds), props["shape"]);
            var isLine = kind == "line";
            var strokeWidth = (float)Props.Number(props, "strokeWidth", isLine ? 4 : props["stroke"] is null ? 0 : 2);
            var opacity = Props.Number(props, "opacity", 1);
            if (opacity is < 0 or > 1) throw Props.Bad("opacity", "a number from 0 to 1", props["opacity"]);
            var inset = strokeWidth / 2;
            var box = new SKRect(inset, inset, context.Size.Width - inset, context.Size.Height - inset);
            using var path = ShapeGeometry.Build(props, kind, box);
            var canvas = context.Canvas;
            // One layer for fill and stroke together, so where they overlap the opacity is not applied twice.
            using var fade = opacity < 1 ? new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(opacity * 255)) } : null;
            if (fade is not null) canvas.SaveLayer(fade);
            using var paint = new SKPaint { IsAntialias = true };
            if (!isLine && props["fill"] is { } fill)
            {
                SetFill(paint, fill, SKRect.Create(context.Size.Width, context.Size.Height));
                canvas.DrawPath(path, paint);
            }
            if (strokeWidth > 0)
            {
                paint.Shader = null;
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = strokeWidth;
                paint.StrokeCap = Cap(props);
                paint.Color = Props.Color(props, "stroke", SKColors.White);
                canvas.DrawPath(path, paint);
            }
            if (fade is not null) canvas.Restore();
        }

        private static void SetFill(SKPaint paint, JsonNode fill, SKRect box)
        {
            if (fill is JsonObject gradient) paint.Shader = Gradient.Shader(gradient, "fill", box);
            else if (fill is JsonValue v && v.GetValueKind() == JsonValueKind.String) paint.Color = Props.ParseColor(v.GetValue<string>(), "props.fill");
            else throw Props.Bad("fill", "a color or a gradient { type, colors, angle }", fill);
        }

        private static SKStrokeCap Cap(JsonObject props) =>
            Props.String(props, "cap") switch
            {
                null or "butt" => SKStrokeCap.Butt,
                "round" => SKStrokeCap.Round,
                "square" => SKStrokeCap.Square,
                _ => throw Props.Bad("cap", "butt, round or square", props["cap"]),
            };

        public void Dispose() { }
    }
}
