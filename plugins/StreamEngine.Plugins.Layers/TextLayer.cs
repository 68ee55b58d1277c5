using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// <c>overlay.text</c>: text wrapped to the layer's width.
/// Props: <c>text</c>, <c>color</c>, <c>font</c> {<c>family</c> (sans, serif, mono or an installed family), <c>file</c> (a font file shipped with the show),
/// <c>size</c>, <c>weight</c> (100-900), <c>style</c> (normal, italic)}, <c>align</c> (left, center, right),
/// <c>lineHeight</c> (multiple of the size), <c>shadow</c> (a color).
/// </summary>
public sealed class TextLayer : ILayerType
{
    public string Name => "overlay.text";

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : ILayerRenderer
    {
        public void Render(LayerDrawContext context)
        {
            var props = context.Props;
            var text = Props.String(props, "text") ?? "";
            var fontProps = props["font"] as JsonObject ?? [];
            var typeface = Typeface(fontProps);
            using var font = new SKFont(typeface, (float)Props.Number(fontProps, "size", 32)) { Edging = SKFontEdging.Antialias, Subpixel = true };
            using var paint = new SKPaint { Color = Props.Color(props, "color", SKColors.White), IsAntialias = true };
            var align = Props.String(props, "align") switch
            {
                null or "left" => SKTextAlign.Left,
                "center" => SKTextAlign.Center,
                "right" => SKTextAlign.Right,
                var other => throw new ArgumentException($"props.align: expected left, center or right, got \"{other}\""),
            };
            var lineHeight = font.Size * (float)Props.Number(props, "lineHeight", 1.2);
            var x = align switch { SKTextAlign.Center => context.Size.Width / 2f, SKTextAlign.Right => context.Size.Width, _ => 0f };
            var y = -font.Metrics.Ascent;
            var shadow = props["shadow"] is null ? (SKColor?)null : Props.Color(props, "shadow", SKColors.Black);
            foreach (var line in TextWrap.Lines(text, font, context.Size.Width))
            {
                if (shadow is { } s)
                {
                    using var shadowPaint = new SKPaint { Color = s, IsAntialias = true };
                    context.Canvas.DrawText(line, x + font.Size / 16, y + font.Size / 16, align, font, shadowPaint);
                }
                context.Canvas.DrawText(line, x, y, align, font, paint);
                y += lineHeight;
            }
        }

        private SKTypeface Typeface(JsonObject font)
        {
            if (Props.String(font, "file") is { } file) return FontLibrary.FromFile(layer.ResolveAsset(file));
            var italic = Props.String(font, "style") is "italic";
            return FontLibrary.Find(Props.String(font, "family") ?? "sans", (int)Props.Number(font, "weight", 400), italic);
        }

        public void Dispose() { }
    }
}
