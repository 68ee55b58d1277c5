using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// The compositor's cache for one layer: its renderer and the raster of its content, re-rendered
/// only when the content version (props, size, type), an animated renderer's content, or a resource it waited for changes.
/// </summary>
internal sealed class LayerSlot(string layerId, ILogger logger, Compositor compositor) : IDisposable
{
    private readonly LayerResources _resources = new(compositor.Services.Resources);
    private ILayerRenderer? _renderer;
    private string? _rendererType;
    private long _rendererGeneration = -1;
    private long _rasterVersion = -1;
    private long _rasterAnimationVersion = -1;
    private SKSizeI _rasterSize;
    private SKSurface? _surface;

    public SKImage? Raster { get; private set; }

    /// <summary>The last error of this layer's renderer, shown as a placeholder until the content changes.</summary>
    public string? Error { get; private set; }

    /// <summary>Brings the raster up to date; returns true when it changed.</summary>
    public bool Update(SceneLayer layer, SKSizeI size, FrameTime time, ILayerTypeCatalog catalog) =>
        Update(layer.State, layer.ContentVersion, size, time, catalog);

    /// <summary>
    /// Brings the raster up to date with <paramref name="state"/> at <paramref name="contentVersion"/>. A slot drawn ahead
    /// for a plugin reload calls it off the frame thread, with a copy of the state; the frame thread never does meanwhile.
    /// </summary>
    public bool Update(LayerState state, long contentVersion, SKSizeI size, FrameTime time, ILayerTypeCatalog catalog)
    {
        if (_rendererType != state.Type || _rendererGeneration != catalog.Generation)
        {
            ReplaceRenderer(state.Type, catalog);
            _rasterVersion = -1;
        }

        var animationVersion = _renderer is IAnimatedLayerRenderer animated ? SafeContentVersion(animated, time) : 0;
        if (_rasterVersion == contentVersion && _rasterSize == size && animationVersion == _rasterAnimationVersion && Raster is not null
            && !_resources.Outdated)
            return false;

        Raster?.Dispose();
        Raster = Draw(state, size, time);
        _rasterVersion = contentVersion;
        _rasterAnimationVersion = animationVersion;
        _rasterSize = size;
        return true;
    }

    /// <summary>
    /// A slot drawn ahead with the next set of layer types takes over on the frame thread once the catalog serves them;
    /// from now on its renderer counts as current.
    /// </summary>
    public void Adopt(long generation) => _rendererGeneration = generation;

    /// <summary>
    /// Lets go of a renderer from an older set of plugins, so a reloaded plugin's old version can unload (layers that
    /// were not drawn ahead: hidden ones, or ones added during the reload). The raster stays until it is drawn again.
    /// </summary>
    public void ReleaseStaleRenderer(long generation)
    {
        if (_rendererGeneration == generation || _renderer is null) return;
        DisposeRenderer();
    }

    private SKImage Draw(LayerState state, SKSizeI size, FrameTime time)
    {
        // The surface is kept: content that changes every frame (an animated color, a GIF) is not a new allocation each time.
        if (_surface is null || _rasterSize != size)
        {
            _surface?.Dispose();
            _surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        }
        var surface = _surface;
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        if (_renderer is null)
        {
            Error ??= $"unknown layer type '{state.Type}'";
        }
        else
        {
            try
            {
                canvas.Save();
                _resources.BeginRender();
                _renderer.Render(new LayerDrawContext(canvas, size, state.Props, time));
                canvas.RestoreToCount(1);
                Error = null;
            }
            catch (Exception e)
            {
                canvas.RestoreToCount(1);
                Fail($"{e.GetType().Name}: {e.Message}", e);
            }
        }
        if (Error is not null) ErrorPlaceholder.Draw(canvas, size, layerId, Error);
        return surface.Snapshot();
    }

    private void ReplaceRenderer(string type, ILayerTypeCatalog catalog)
    {
        DisposeRenderer();
        _rendererType = type;
        _rendererGeneration = catalog.Generation;
        Error = null;
        var layerType = catalog.Find(type);
        if (layerType is null)
        {
            Fail($"unknown layer type '{type}'", null);
            return;
        }
        try
        {
            _renderer = layerType.CreateRenderer(new LayerContext(layerId, compositor.AssetDirectory, logger, _resources, compositor.Services.Chat));
        }
        catch (Exception e)
        {
            Fail($"{e.GetType().Name}: {e.Message}", e);
        }
    }

    private long SafeContentVersion(IAnimatedLayerRenderer renderer, FrameTime time)
    {
        try { return renderer.ContentVersionAt(time); }
        catch (Exception e) { Fail(e.Message, e); return _rasterAnimationVersion; }
    }

    private void Fail(string message, Exception? exception)
    {
        if (Error == message) return;
        Error = message;
        logger.LogError(exception, "Layer {LayerId} cannot render: {Error}", layerId, message);
    }

    private void DisposeRenderer()
    {
        try { _renderer?.Dispose(); }
        catch (Exception e) { logger.LogWarning(e, "Layer {LayerId}: renderer failed to dispose", layerId); }
        _renderer = null;
    }

    public void Dispose()
    {
        DisposeRenderer();
        Raster?.Dispose();
        Raster = null;
        _surface?.Dispose();
        _surface = null;
    }
}
