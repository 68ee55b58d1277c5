using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>
/// The <c>background</c> of an <c>overlay.text</c>: a rounded plate that hugs the text (its widest line and its lines'
/// height, plus the padding) and sits where the text is aligned, so a short caption such as a bid flash reads as a tag
/// rather than as a box the size of the layer. Props: a color, or {<c>color</c>, <c>radius</c> (pixels; default: round
/// ends on one line), <c>padding</c> (pixels, default 12), <c>border</c> (a color for a 2 px edge)}.
/// </summary>
internal sealed record TextPlate(SKColor Color, float? Radius, float Padding, SKColor? Border)
{
    public static TextPlate? Read(JsonObject props)
    {
        switch (props["background"])
        {
            case null:
                return null;
            case JsonObject plate:
                var padding = (float)Props.Number(plate, "padding", 12, "props.background");
                if (!float.IsFinite(padding) || padding < 0 || padding > 500) throw Props.Bad("padding", "pixels from 0 to 500", plate["padding"], "props.background");
                var radius = plate["radius"] is null ? (float?)null : (float)Props.Number(plate, "radius", 0, "props.background");
                if (radius is { } r && (!float.IsFinite(r) || r < 0 || r > 10000)) throw Props.Bad("radius", "pixels from 0 to 10000", plate["radius"], "props.background");
                var color = Props.String(plate, "color", "props.background") is { } c ? Props.ParseColor(c, "props.background.color") : new SKColor(0, 0, 0, 0xb0);
                var border = Props.String(plate, "border", "props.background") is { } b ? Props.ParseColor(b, "props.background.border") : (SKColor?)null;
                return new TextPlate(color, radius, padding, border);
            default:
                return new TextPlate(Props.Color(props, "background", SKColors.Black), null, 12, null);
        }
    }

    /// <summary>Draws the plate behind <paramref name="block"/>, laid out <see cref="Padding"/> in from the layer's left and top.</summary>
    public void Draw(SKCanvas canvas, TextBlock block, TextAlign align, float layerWidth)
    {
        if (block.LineCount == 0) return;
        var width = block.Width + 2 * Padding;
        var left = align switch
        {
            TextAlign.Center => (layerWidth - width) / 2,
            TextAlign.Right => layerWidth - width,
            _ => 0,
        };
        var box = SKRect.Create(left, 0, width, block.Height + 2 * Padding);
        var radius = Radius ?? Math.Min(box.Height / 2, Padding + block.LineHeight / 2);
        using var fill = new SKPaint { Color = Color, IsAntialias = true };
        canvas.DrawRoundRect(box, radius, radius, fill);
        if (Border is not { } border) return;
        using var edge = new SKPaint { Color = border, IsStroke = true, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Inflate(box, -1, -1), radius, radius, edge);
    }
}
