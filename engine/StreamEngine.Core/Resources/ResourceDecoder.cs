using SkiaSharp;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Core.Resources;

/// <summary>
/// Decodes images fully (never lazily, so the frame thread never decodes) after checking their dimensions, so a
/// decompression bomb is refused before any pixel memory is allocated.
/// </summary>
internal static class ResourceDecoder
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp"];

    public static SKImage Image(string source, byte[] bytes, long maxPixels)
    {
        using var codec = Codec(source, bytes);
        CheckPixels(source, codec.Info.Width, codec.Info.Height, 1, maxPixels);
        return Frame(source, codec, 0, -1, null);
    }

    public static AnimatedImage Animation(string source, byte[] bytes, long maxPixels)
    {
        using var codec = Codec(source, bytes);
        var frameInfo = codec.FrameInfo;
        var count = Math.Max(1, frameInfo.Length);
        CheckPixels(source, codec.Info.Width, codec.Info.Height, count, maxPixels);
        var frames = new List<SKImage>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var required = i < frameInfo.Length ? frameInfo[i].RequiredFrame : -1;
                frames.Add(Frame(source, codec, i, required, required >= 0 ? frames[required] : null));
            }
        }
        catch
        {
            foreach (var frame in frames) frame.Dispose();
            throw;
        }
        var durations = Enumerable.Range(0, count)
            .Select(i => i < frameInfo.Length ? TimeSpan.FromMilliseconds(frameInfo[i].Duration) : TimeSpan.Zero).ToList();
        return new AnimatedImage(frames, durations);
    }

    public static bool IsImageFile(string path) => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static SKCodec Codec(string source, byte[] bytes)
    {
        var data = SKData.CreateCopy(bytes);
        return SKCodec.Create(data) ?? throw new ResourceException($"'{source}' is not an image (PNG, JPEG, WebP, GIF or BMP expected)");
    }

    private static void CheckPixels(string source, int width, int height, int frames, long maxPixels)
    {
        if (width <= 0 || height <= 0) throw new ResourceException($"'{source}' has no pixels");
        if ((long)width * height * frames > maxPixels)
            throw new ResourceException($"'{source}' is {width}x{height}{(frames > 1 ? $" × {frames} frames" : "")}, more than the limit of {maxPixels:N0} pixels");
    }

    /// <summary>Decodes frame <paramref name="index"/> on top of the frame it depends on (GIF frames often draw only what changed).</summary>
    private static SKImage Frame(string source, SKCodec codec, int index, int priorIndex, SKImage? prior)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        try
        {
            if (prior is not null) prior.ReadPixels(info, bitmap.GetPixels(), bitmap.RowBytes, 0, 0);
            else bitmap.Erase(SKColors.Transparent);
            var options = new SKCodecOptions(index, prior is null ? -1 : priorIndex);
            var result = codec.GetPixels(info, bitmap.GetPixels(), options);
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                throw new ResourceException($"'{source}' cannot be decoded: {result}");
            bitmap.SetImmutable();
            return SKImage.FromBitmap(bitmap) ?? throw new ResourceException($"'{source}' cannot be decoded");
        }
        finally
        {
            bitmap.Dispose();
        }
    }
}
