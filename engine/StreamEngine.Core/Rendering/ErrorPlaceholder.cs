using SkiaSharp;

namespace StreamEngine.Core.Rendering;

/// <summary>What a layer shows when its renderer fails: a striped box with the layer id and the error.</summary>
internal static class ErrorPlaceholder
{
    public static readonly SKColor Background = new(90, 16, 24, 220);

    public static void Draw(SKCanvas canvas, SKSizeI size, string layerId, string error)
    {
        canvas.Clear(Background);
        using var stripe = new SKPaint { Color = new SKColor(140, 30, 40, 220), StrokeWidth = 6, IsAntialias = false };
        for (var x = -size.Height; x < size.Width; x += 24)
            canvas.DrawLine(x, size.Height, x + size.Height, 0, stripe);
        using var font = new SKFont(SKTypeface.Default, Math.Clamp(size.Height / 8f, 10, 24));
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText($"layer '{layerId}' failed", 8, font.Size + 6, SKTextAlign.Left, font, text);
        canvas.DrawText(error.Length > 120 ? error[..120] : error, 8, font.Size * 2 + 12, SKTextAlign.Left, font, text);
    }
}
