using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Feed;

/// <summary>
/// The artwork's details over the bottom of the feed card: a dark scrim rising from the edge, the title large, the
/// artist and collection below it, and the price on the right in the accent color.
/// </summary>
internal static class MetadataPanel
{
    public static void Draw(SKCanvas canvas, SKRect card, JsonObject metadata, SKColor accent)
    {
        var title = Props.String(metadata, "title");
        var artist = Props.String(metadata, "artist");
        var collection = Props.String(metadata, "collection");
        var price = Props.String(metadata, "price");
        if (title is null && artist is null && collection is null && price is null) return;

        var unit = Math.Clamp(card.Width / 22, 11, 34);
        var padding = unit * 0.9f;
        var height = unit * 4.2f;
        var panel = new SKRect(card.Left, card.Bottom - height, card.Right, card.Bottom);
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, panel.Top - unit * 1.5f), new SKPoint(0, panel.Bottom),
                   [new SKColor(0x05, 0x07, 0x0d, 0), new SKColor(0x05, 0x07, 0x0d, 0xd8), new SKColor(0x05, 0x07, 0x0d, 0xf0)], [0, 0.45f, 1], SKShaderTileMode.Clamp))
        using (var scrim = new SKPaint { Shader = shader })
            canvas.DrawRect(new SKRect(panel.Left, panel.Top - unit * 1.5f, panel.Right, panel.Bottom), scrim);

        using var titleFont = Font(700, unit * 1.15f);
        using var detailFont = Font(400, unit * 0.72f);
        using var priceFont = Font(800, unit * 1.2f);
        using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var muted = new SKPaint { IsAntialias = true, Color = new SKColor(0xff, 0xff, 0xff, 0xb0) };
        using var gold = new SKPaint { IsAntialias = true, Color = accent };

        var priceWidth = price is null ? 0 : priceFont.MeasureText(price) + padding;
        var textWidth = panel.Width - padding * 2 - priceWidth;
        var baseline = panel.Bottom - padding - unit * 0.95f;
        if (title is not null) canvas.DrawText(Fit(title, titleFont, textWidth), panel.Left + padding, baseline, SKTextAlign.Left, titleFont, white);
        var details = string.Join("  ·  ", new[] { artist, collection }.OfType<string>());
        if (details.Length > 0) canvas.DrawText(Fit(details, detailFont, textWidth), panel.Left + padding, baseline + unit * 1.05f, SKTextAlign.Left, detailFont, muted);
        if (price is not null)
        {
            canvas.DrawText(price, panel.Right - padding, baseline, SKTextAlign.Right, priceFont, gold);
            canvas.DrawText("CURRENT BID", panel.Right - padding, baseline + unit * 1.05f, SKTextAlign.Right, detailFont, muted);
        }
    }

    private static SKFont Font(int weight, float size) =>
        new(FontLibrary.Find("sans", weight, false), size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    /// <summary>The text, shortened with an ellipsis when it is wider than <paramref name="width"/>.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        for (var length = text.Length - 1; length > 0; length--)
        {
            var shortened = text[..length].TrimEnd() + "…";
            if (font.MeasureText(shortened) <= width) return shortened;
        }
        return "…";
    }
}
