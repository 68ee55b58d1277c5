using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// Text for the auction layers. A label is never cut: a line that is too wide for its room is set smaller until it
/// fits, which is what a broadcast graphic does with a long price or name.
/// </summary>
internal static class AuctionText
{
    public static TextStyle Style(int weight, float size, SKColor color, float letterSpacing = 0) =>
        new(FontLibrary.Find("sans", weight, false), Math.Max(1, size), color, LetterSpacing: letterSpacing);

    /// <summary>One line of <paramref name="text"/> at <paramref name="style"/>, or smaller so that it fits <paramref name="width"/>.</summary>
    public static TextBlock Line(string text, TextStyle style, float width)
    {
        var block = TextBlock.Layout(text, style, float.PositiveInfinity);
        if (block.Width <= width || block.Width <= 0 || width <= 0) return block;
        // Size and letter spacing scale together, so the width scales with them; the second pass absorbs rounding.
        for (var pass = 0; pass < 2 && block.Width > width; pass++)
        {
            var ratio = width / block.Width * 0.995f;
            style = style with { Size = Math.Max(1, style.Size * ratio), LetterSpacing = style.LetterSpacing * ratio };
            block = TextBlock.Layout(text, style, float.PositiveInfinity);
        }
        return block;
    }

    /// <summary>
    /// <paramref name="text"/> wrapped to <paramref name="width"/> in at most <paramref name="lines"/> lines, set smaller
    /// (down to <paramref name="minScale"/> of the size) while it needs more; below that it keeps every line.
    /// </summary>
    public static TextBlock Wrapped(string text, TextStyle style, float width, int lines, float minScale = 0.6f)
    {
        var size = style.Size;
        var block = TextBlock.Layout(text, style, width);
        while (block.LineCount > lines && style.Size > size * minScale)
        {
            style = style with { Size = style.Size * 0.92f };
            block = TextBlock.Layout(text, style, width);
        }
        return block;
    }

    /// <summary>A rounded pill with <paramref name="label"/> centred on it; returns its width.</summary>
    public static float Chip(SKCanvas canvas, TextBlock label, SKColor fill, float right, float top, float height)
    {
        var padding = height * 0.55f;
        var width = label.Width + 2 * padding;
        var box = SKRect.Create(right - width, top, width, height);
        using var paint = new SKPaint { Color = fill, IsAntialias = true };
        canvas.DrawRoundRect(box, height / 2, height / 2, paint);
        label.Draw(canvas, box.Left + padding, top + (height - label.Height) / 2);
        return width;
    }
}
