using SkiaSharp;

namespace StreamEngine.Core.Pipeline;

/// <summary>A picture of the show made small for the dashboard: scaled to a width (keeping the aspect) and JPEG-encoded.</summary>
public static class PreviewJpeg
{
    /// <summary>The JPEG bytes and size of <paramref name="source"/> scaled to <paramref name="width"/> (never wider than it is).</summary>
    public static (byte[] Jpeg, int Width, int Height) Encode(SKImage source, int width, int quality)
    {
        width = Math.Clamp(width, 16, source.Width);
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        using var scaled = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(scaled))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        using var data = scaled.Encode(SKEncodedImageFormat.Jpeg, Math.Clamp(quality, 1, 100));
        return (data.ToArray(), width, height);
    }
}
