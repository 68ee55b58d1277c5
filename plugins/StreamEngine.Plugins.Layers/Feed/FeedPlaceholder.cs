using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Feed;

/// <summary>What the feed card shows instead of the artwork: a loading shimmer, or a calm "artwork unavailable" card fit for air.</summary>
internal static class FeedPlaceholder
{
    private static readonly SKColor Ink = new(0xff, 0xff, 0xff, 0x8c);

    public static void DrawLoading(SKCanvas canvas, SKRect card, FrameTime time)
    {
        // A soft band of light sweeping across the card once every 1.5 s.
        var phase = (float)(time.Seconds % 1.5 / 1.5);
        var x = card.Left - card.Width * 0.5f + phase * card.Width * 2f;
        using var shader = SKShader.CreateLinearGradient(new SKPoint(x - card.Width * 0.4f, card.Top), new SKPoint(x + card.Width * 0.4f, card.Bottom),
            [SKColors.Transparent, new SKColor(0xff, 0xff, 0xff, 0x16), SKColors.Transparent], SKShaderTileMode.Clamp);
        using var sweep = new SKPaint { Shader = shader };
        canvas.DrawRect(card, sweep);
        Caption(canvas, card, "Loading artwork…");
    }

    public static void DrawUnavailable(SKCanvas canvas, SKRect card)
    {
        // A picture-frame icon with a diagonal stroke through it.
        var size = Math.Min(card.Width, card.Height) * 0.18f;
        var icon = SKRect.Create(card.MidX - size / 2, card.MidY - size * 0.8f, size, size * 0.78f);
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, size / 14), Color = Ink, StrokeCap = SKStrokeCap.Round };
        canvas.DrawRoundRect(icon, size / 10, size / 10, stroke);
        SKPoint At(float x, float y) => new(icon.Left + icon.Width * x, icon.Top + icon.Height * y);
        canvas.DrawPoints(SKPointMode.Polygon, [At(0.12f, 0.82f), At(0.4f, 0.45f), At(0.6f, 0.65f), At(0.72f, 0.52f), At(0.88f, 0.82f)], stroke);
        canvas.DrawLine(icon.Left - size * 0.1f, icon.Bottom + size * 0.1f, icon.Right + size * 0.1f, icon.Top - size * 0.1f, stroke);
        Caption(canvas, card, "Artwork unavailable");
    }

    private static void Caption(SKCanvas canvas, SKRect card, string text)
    {
        var style = new TextStyle(FontLibrary.Find("sans", 500, false), Math.Max(12, Math.Min(card.Width, card.Height) / 16), Ink, TextAlign.Center, MaxLines: 1);
        var block = TextBlock.Layout(text, style, card.Width);
        block.Draw(canvas, card.Left, card.MidY + style.Size * 0.6f);
    }
}
