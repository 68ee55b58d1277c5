using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Feed;

/// <summary>
/// The artwork's details over the bottom of the feed card: a dark scrim rising from the edge, the title large, the
/// artist and collection below it, and the price on the right in the accent color.
/// </summary>
internal static class MetadataPanel
{
    private const string Label = "CURRENT BID";

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

        var white = SKColors.White;
        var muted = new SKColor(0xff, 0xff, 0xff, 0xb0);
        // The price column is as wide as the wider of the price and its label, and at most half the panel: the label
        // used to be laid out in the price's width, so a price narrower than "CURRENT BID" wrapped it and cut it to
        // "CURRENT…". A price too long for half the panel is set smaller instead of pushing the title out.
        var labelStyle = Style(600, unit * 0.62f, muted) with { Align = TextAlign.Right, LetterSpacing = unit * 0.06f };
        var priceStyle = Style(800, unit * 1.2f, accent) with { Align = TextAlign.Right };
        var priceWidth = 0f;
        if (price is not null)
        {
            var column = panel.Width / 2 - padding;
            var natural = TextBlock.Layout(price, priceStyle, float.PositiveInfinity).Width;
            if (natural > column) priceStyle = priceStyle with { Size = priceStyle.Size * column / natural * 0.99f };
            var label = TextBlock.Layout(Label, labelStyle, float.PositiveInfinity).Width;
            priceWidth = Math.Max(Math.Min(natural, column), label) + padding;
        }
        var textWidth = panel.Width - padding * 2 - priceWidth;
        var details = string.Join("  ·  ", new[] { artist, collection }.OfType<string>());
        var detailBlock = TextBlock.Layout(details, Style(400, unit * 0.72f, muted), textWidth);
        var titleBlock = TextBlock.Layout(title ?? "", Style(700, unit * 1.15f, white), textWidth);
        var detailTop = panel.Bottom - padding - detailBlock.LineHeight;
        var titleTop = detailTop - titleBlock.LineHeight;
        titleBlock.Draw(canvas, panel.Left + padding, titleTop);
        detailBlock.Draw(canvas, panel.Left + padding, detailTop);
        if (price is null) return;
        var right = panel.Right - padding - priceWidth;
        TextBlock.Layout(price, priceStyle, priceWidth).Draw(canvas, right, titleTop);
        TextBlock.Layout(Label, labelStyle, priceWidth).Draw(canvas, right, detailTop + unit * 0.08f);
    }

    /// <summary>One line of sans text, cut with an ellipsis when it does not fit.</summary>
    private static TextStyle Style(int weight, float size, SKColor color) =>
        new(FontLibrary.Find("sans", weight, false), size, color, MaxLines: 1);
}
