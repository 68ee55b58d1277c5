using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// Lays out and draws the price card. It is designed at 360 px wide and scaled to the box; when its content is taller
/// than the box everything is scaled down to fit, so nothing is ever cut. The lot's details sit at the top, the price
/// block at the bottom, and the status color runs along the top edge.
/// </summary>
internal static class PriceCard
{
    public sealed record Content(string Lot, string Title, string Artist, string Label, string Price, string Leader, long Bids,
        LotStatus Status, SKColor Accent);

    private static readonly SKColor Muted = new(0xb4, 0xbb, 0xd4);
    private static readonly SKColor Faint = new(0x7d, 0x86, 0xa6);

    public static void Draw(SKCanvas canvas, SKRect box, Content content)
    {
        if (box.Width < 8 || box.Height < 8) return;
        var scale = box.Width / 360f;
        var layout = Layout(content, box.Width, scale);
        for (var pass = 0; pass < 3 && layout.Height > box.Height; pass++)
            layout = Layout(content, box.Width, scale *= box.Height / layout.Height * 0.99f);
        Background(canvas, box, content.Status.Color, scale);
        layout.Draw(canvas, box, content, scale);
    }

    private static Blocks Layout(Content c, float width, float s)
    {
        var pad = 22 * s;
        var inner = width - 2 * pad;
        var chip = c.Status.Label.Length == 0 ? null : AuctionText.Line(c.Status.Label, AuctionText.Style(800, 13 * s, c.Status.Ink, 1.2f * s), inner * 0.6f);
        var chipWidth = chip is null ? 0 : chip.Width + 2 * 0.55f * chip.LineHeight * 1.35f + 12 * s;
        var lot = AuctionText.Line(c.Lot.Length == 0 ? "" : $"LOT {c.Lot}", AuctionText.Style(700, 14 * s, Faint, 2.5f * s), Math.Max(1, inner - chipWidth));
        var title = AuctionText.Wrapped(c.Title, AuctionText.Style(800, 27 * s, SKColors.White), inner, 2);
        var artist = AuctionText.Line(c.Artist, AuctionText.Style(500, 17 * s, Muted), inner);
        // The bid count shares the label's row, so the leader's name has the card's whole width.
        var bids = AuctionText.Line(c.Bids == 1 ? "1 BID" : $"{c.Bids:#,0} BIDS", AuctionText.Style(700, 13 * s, Faint, 1.5f * s), inner * 0.4f);
        var label = AuctionText.Line(c.Label, AuctionText.Style(700, 13 * s, c.Accent.WithAlpha(0xc8), 3 * s), Math.Max(1, inner - bids.Width - 16 * s));
        var price = AuctionText.Line(c.Price, AuctionText.Style(800, 60 * s, c.Accent), inner);
        var leaderText = c.Leader.Length > 0 ? $"▲ {c.Leader}" : c.Bids == 0 ? "Be the first to bid" : "";
        var leader = AuctionText.Line(leaderText, AuctionText.Style(c.Leader.Length > 0 ? 700 : 500, 17 * s, c.Leader.Length > 0 ? SKColors.White : Muted), inner);
        return new Blocks(pad, chip, lot, title, artist, label, price, leader, bids, s);
    }

    private sealed record Blocks(float Pad, TextBlock? Chip, TextBlock Lot, TextBlock Title, TextBlock Artist, TextBlock Label,
        TextBlock Price, TextBlock Leader, TextBlock Bids, float S)
    {
        private float ChipHeight => Chip is null ? 0 : Chip.LineHeight * 1.35f;
        private float TopHeight => Math.Max(Lot.Height, ChipHeight) + 12 * S + Title.Height + Artist.Height;
        private float BottomHeight => Math.Max(Label.Height, Bids.Height) + PriceSlot + 6 * S + Leader.Height;

        /// <summary>The price's room is that of a price at full size, so a long price set smaller leaves the rest of the card as it was.</summary>
        private float PriceSlot => Math.Max(60 * S * 1.2f, Price.Height) * 0.92f;

        /// <summary>Top and bottom blocks with the divider between them and the padding around.</summary>
        public float Height => Pad * 2 + TopHeight + 28 * S + BottomHeight;

        public void Draw(SKCanvas canvas, SKRect box, Content c, float s)
        {
            var (left, right) = (box.Left + Pad, box.Right - Pad);
            var y = box.Top + Pad + 4 * s;
            var rowHeight = Math.Max(Lot.Height, ChipHeight);
            Lot.Draw(canvas, left, y + (rowHeight - Lot.Height) / 2);
            if (Chip is not null) AuctionText.Chip(canvas, Chip, c.Status.Color, right, y + (rowHeight - ChipHeight) / 2, ChipHeight);
            y += rowHeight + 10 * s;
            Title.Draw(canvas, left, y);
            Artist.Draw(canvas, left, y + Title.Height + 2 * s);

            // The price block hangs from the bottom edge, so extra room in a tall card goes between the two blocks.
            var bottom = box.Bottom - Pad;
            var leaderTop = bottom - Leader.Height;
            var slotTop = leaderTop - 6 * s - PriceSlot;
            var priceTop = leaderTop - 6 * s - Price.Height * 0.92f;
            var labelTop = slotTop - Label.Height;
            var dividerY = labelTop - 14 * s;
            using (var rule = new SKPaint { Color = new SKColor(0xff, 0xff, 0xff, 0x1c), StrokeWidth = Math.Max(1, s), IsAntialias = true })
                canvas.DrawLine(left, dividerY, right, dividerY, rule);
            Label.Draw(canvas, left, labelTop);
            Price.Draw(canvas, left, priceTop - Price.Height * 0.04f);
            Leader.Draw(canvas, left, leaderTop);
            Bids.Draw(canvas, right - Bids.Width, labelTop + (Label.Height - Bids.Height) / 2);
        }
    }

    private static void Background(SKCanvas canvas, SKRect box, SKColor status, float s)
    {
        var radius = 18 * s;
        using var shader = SKShader.CreateLinearGradient(new SKPoint(box.Left, box.Top), new SKPoint(box.Left, box.Bottom),
            [new SKColor(0x18, 0x1f, 0x38, 0xf2), new SKColor(0x0a, 0x0e, 0x1b, 0xf2)], SKShaderTileMode.Clamp);
        using var fill = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawRoundRect(box, radius, radius, fill);
        using var border = new SKPaint { Color = new SKColor(0xff, 0xff, 0xff, 0x22), IsStroke = true, StrokeWidth = Math.Max(1, s), IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Inflate(box, -border.StrokeWidth / 2, -border.StrokeWidth / 2), radius, radius, border);
        // The status color along the top edge, clipped to the card's rounded corners.
        canvas.Save();
        using (var clip = new SKRoundRect(box, radius, radius)) canvas.ClipRoundRect(clip, antialias: true);
        using var bar = new SKPaint { Color = status };
        canvas.DrawRect(SKRect.Create(box.Left, box.Top, box.Width, 5 * s), bar);
        canvas.Restore();
    }
}
