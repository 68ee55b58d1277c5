using SkiaSharp;

namespace StreamEngine.Sdk.Resources;

/// <summary>
/// Images, animations and fonts shared by every layer of a show: each is loaded once, off the frame thread, and evicted
/// by size when the cache is full. A renderer asks for what it needs on every <see cref="ILayerRenderer.Render"/>; while a
/// resource loads it gets <see cref="ResourceStatus.Loading"/> and the layer is rendered again when the load ends.
/// Values are owned by the cache: use them during the render call and keep no reference to them.
/// </summary>
public interface IResourceCache
{
    /// <summary>A still image from an absolute file path or an http(s) URL (first frame of an animated file).</summary>
    Resource<SKImage> Image(string source);

    /// <summary>
    /// An animation: the frames of a GIF or animated WebP (with the file's frame timing), or the images of a folder in
    /// name order (each shown for <see cref="AnimatedImage.DefaultFrameDuration"/> unless the renderer sets a rate).
    /// </summary>
    Resource<AnimatedImage> Animation(string source);

    /// <summary>A font file (TTF/OTF) shipped with a show.</summary>
    Resource<SKTypeface> Typeface(string path);
}
