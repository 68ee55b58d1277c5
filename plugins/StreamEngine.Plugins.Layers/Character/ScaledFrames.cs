using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Sprite frames resampled once, with a high-quality filter, to the size the figure is shown at, so that drawing one
/// is a copy. The images are this renderer's own (the resource cache's are never kept); a sheet's frame is cut out
/// before resampling, so its neighbours cannot bleed into its edges.
/// </summary>
internal sealed class ScaledFrames : IDisposable
{
    private const int MaxFrames = 64;
    private static readonly SKSamplingOptions Resampling = new(SKCubicResampler.Mitchell);
    private readonly Dictionary<(uint Image, SKRect Source, SKSizeI Size), SKImage> _frames = [];

    public SKImage Get(SpriteFrame frame, SKSizeI size)
    {
        var key = (frame.Image.UniqueId, frame.Source, size);
        if (_frames.TryGetValue(key, out var scaled)) return scaled;
        if (_frames.Count >= MaxFrames) Clear(); // a new size or new art: the old frames will not be asked for again
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using (var part = frame.Image.Subset(SKRectI.Round(frame.Source)))
            surface.Canvas.DrawImage(part, SKRect.Create(size.Width, size.Height), Resampling);
        return _frames[key] = surface.Snapshot();
    }

    private void Clear()
    {
        foreach (var image in _frames.Values) image.Dispose();
        _frames.Clear();
    }

    public void Dispose() => Clear();
}
