namespace StreamEngine.Sdk;

/// <summary>
/// Draws a layer's content into its own box. The compositor caches the result as a raster and calls
/// <see cref="Render"/> again only when the layer's props or size change (or, for an
/// <see cref="IAnimatedLayerRenderer"/>, when its content changes with time); moving, scaling and fading
/// a layer reuses the cached raster.
/// </summary>
public interface ILayerRenderer : IDisposable
{
    /// <summary>Draws the content. Exceptions are caught: the layer shows an error placeholder and the stream goes on.</summary>
    void Render(LayerDrawContext context);
}

/// <summary>A renderer whose content changes with time (an animated image, a clock).</summary>
public interface IAnimatedLayerRenderer : ILayerRenderer
{
    /// <summary>
    /// A number that changes whenever the content at <paramref name="time"/> differs from the content
    /// at the previous frame, for example the index of the GIF frame shown.
    /// </summary>
    long ContentVersionAt(FrameTime time);
}
