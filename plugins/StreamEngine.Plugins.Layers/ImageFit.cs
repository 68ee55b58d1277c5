using SkiaSharp;

namespace StreamEngine.Plugins.Layers;

/// <summary>Where an image of a given size goes in a box, by CSS object-fit name (contain, cover, fill, none).</summary>
internal static class ImageFit
{
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    public static SKRect Place(string fit, SKSize image, SKRect box)
    {
        var scale = fit switch
        {
            "contain" => Math.Min(box.Width / image.Width, box.Height / image.Height),
            "cover" => Math.Max(box.Width / image.Width, box.Height / image.Height),
            "none" => 1f,
            "fill" => float.NaN,
            _ => throw new ArgumentException($"props.fit: expected contain, cover, fill or none, got \"{fit}\""),
        };
        if (float.IsNaN(scale)) return box;
        var size = new SKSize(image.Width * scale, image.Height * scale);
        return SKRect.Create(box.MidX - size.Width / 2, box.MidY - size.Height / 2, size.Width, size.Height);
    }

    /// <summary>Draws the image fitted into the box, clipped to it, with a high-quality filter.</summary>
    public static void Draw(SKCanvas canvas, SKImage image, string fit, SKRect box)
    {
        var dest = Place(fit, new SKSize(image.Width, image.Height), box);
        canvas.Save();
        canvas.ClipRect(box);
        canvas.DrawImage(image, dest, Sampling);
        canvas.Restore();
    }
}
