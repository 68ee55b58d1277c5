using SkiaSharp;
using StreamEngine.Plugins.Layers.Frames;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Sprite frames resampled once, with a high-quality filter, to the size the figure is shown at, so that drawing one
/// is a copy. The images are this renderer's own (the resource cache's are never kept); a sheet's frame is cut out
/// before resampling, so its neighbours cannot bleed into its edges.
/// </summary>
internal sealed class ScaledFrames : IDisposable
{
    /// <summary>Enough for every frame of a character's states at 1080p (16 frames of 600x800 are 31 MB).</summary>
    private const long MaxBytes = 48L << 20;
    private static readonly SKSamplingOptions Resampling = new(SKCubicResampler.Mitchell);
    private readonly Dictionary<(uint Image, SKRect Source, SKSizeI Size), SKImage> _frames = [];
    private long _bytes;

    public SKImage Get(SpriteFrame frame, SKSizeI size)
    {
        var key = (frame.Image.UniqueId, frame.Source, size);
        if (_frames.TryGetValue(key, out var scaled)) return scaled;
        _bytes += 4L * size.Width * size.Height;
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using (var part = frame.Image.Subset(SKRectI.Round(frame.Source)))
            surface.Canvas.DrawImage(part, SKRect.Create(size.Width, size.Height), Resampling);
        return _frames[key] = surface.Snapshot();
    }

    /// <summary>
    /// Called before a render, never during one (a frame taken earlier in the same render must stay valid): over budget,
    /// the frames go; mostly that is a new size or new art, whose old frames will not be asked for again.
    /// </summary>
    public void Trim()
    {
        if (_bytes > MaxBytes) Clear();
    }

    private void Clear()
    {
        foreach (var image in _frames.Values) image.Dispose();
        _frames.Clear();
        _bytes = 0;
    }

    public void Dispose() => Clear();
}
