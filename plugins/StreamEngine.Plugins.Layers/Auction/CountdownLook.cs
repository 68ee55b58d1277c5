using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>Draws the countdown: a dark card with the clock, and the time left as a bar or a ring in the current color.</summary>
internal sealed record CountdownLook(string Clock, string Label, float Fraction, SKColor Color, float Pulse)
{
    private static readonly SKColor Card = new(0x0b, 0x10, 0x1e, 0xe6);
    private static readonly SKColor Track = new(0xff, 0xff, 0xff, 0x1e);
    private static readonly SKColor Muted = new(0xb4, 0xbb, 0xd4);

    public void DrawBar(SKCanvas canvas, SKRect box)
    {
        var h = box.Height;
        var radius = Math.Min(h * 0.3f, 16);
        Panel(canvas, box, radius);
        var pad = h * 0.22f;
        var barHeight = Math.Max(3, h * 0.1f);
        var textBottom = box.Bottom - pad - barHeight - h * 0.1f;
        var clockSize = (textBottom - box.Top - pad * 0.7f) * (1 + 0.06f * Pulse);
        var clock = AuctionText.Line(Clock, AuctionText.Style(800, clockSize, Color), box.Width * 0.5f);
        clock.Draw(canvas, box.Right - pad - clock.Width, textBottom - clock.Height * 0.92f);
        var label = AuctionText.Line(Label, AuctionText.Style(700, Math.Max(8, h * 0.2f), Muted, h * 0.03f), box.Width - clock.Width - pad * 3);
        label.Draw(canvas, box.Left + pad, textBottom - clock.Height * 0.46f - label.Height / 2);
        var track = SKRect.Create(box.Left + pad, box.Bottom - pad - barHeight, box.Width - 2 * pad, barHeight);
        using var trackPaint = new SKPaint { Color = Track, IsAntialias = true };
        canvas.DrawRoundRect(track, barHeight / 2, barHeight / 2, trackPaint);
        if (Fraction <= 0) return;
        var fill = SKRect.Create(track.Left, track.Top, Math.Max(barHeight, track.Width * Fraction), barHeight);
        Glow(canvas, fill, barHeight * (1.5f + 2 * Pulse));
        using var fillPaint = new SKPaint { Color = Color, IsAntialias = true };
        canvas.DrawRoundRect(fill, barHeight / 2, barHeight / 2, fillPaint);
    }

    public void DrawRing(SKCanvas canvas, SKRect box)
    {
        var size = Math.Min(box.Width, box.Height);
        var square = SKRect.Create(box.MidX - size / 2, box.MidY - size / 2, size, size);
        using (var card = new SKPaint { Color = Card, IsAntialias = true }) canvas.DrawOval(square, card);
        var stroke = size * 0.075f;
        var ring = SKRect.Inflate(square, -stroke * 1.2f, -stroke * 1.2f);
        using var track = new SKPaint { Color = Track, IsStroke = true, StrokeWidth = stroke, IsAntialias = true };
        canvas.DrawOval(ring, track);
        if (Fraction > 0)
        {
            using var arc = new SKPaint { Color = Color, IsStroke = true, StrokeWidth = stroke, StrokeCap = SKStrokeCap.Round, IsAntialias = true };
            if (Pulse > 0) arc.ImageFilter = SKImageFilter.CreateDropShadow(0, 0, stroke * 0.4f * Pulse, stroke * 0.4f * Pulse, Color.WithAlpha(0xa0));
            canvas.DrawArc(ring, -90, 360 * Fraction, false, arc);
        }
        var clock = AuctionText.Line(Clock, AuctionText.Style(800, size * 0.26f * (1 + 0.06f * Pulse), Color), ring.Width * 0.72f);
        clock.Draw(canvas, square.MidX - clock.Width / 2, square.MidY - clock.Height * 0.62f);
        var label = AuctionText.Line(Label, AuctionText.Style(700, size * 0.075f, Muted, size * 0.01f), ring.Width * 0.6f);
        label.Draw(canvas, square.MidX - label.Width / 2, square.MidY + clock.Height * 0.36f);
    }

    private void Panel(SKCanvas canvas, SKRect box, float radius)
    {
        using var card = new SKPaint { Color = Card, IsAntialias = true };
        canvas.DrawRoundRect(box, radius, radius, card);
        using var border = new SKPaint { Color = Color.WithAlpha((byte)(0x30 + 0x70 * Pulse)), IsStroke = true, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawRoundRect(SKRect.Inflate(box, -0.75f, -0.75f), radius, radius, border);
    }

    private void Glow(SKCanvas canvas, SKRect bar, float blur)
    {
        using var glow = new SKPaint { Color = Color.WithAlpha((byte)(0x50 + 0x60 * Pulse)), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, blur / 2) };
        canvas.DrawRoundRect(bar, bar.Height / 2, bar.Height / 2, glow);
    }
}
