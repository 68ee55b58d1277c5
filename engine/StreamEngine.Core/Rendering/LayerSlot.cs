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
    private int _failures;
    private (long Version, SKSizeI Size, long Generation)? _givenUp;

    /// <summary>A layer that failed this many draws in a row keeps its placeholder until its content changes.</summary>
    internal const int FailuresBeforeGivingUp = 3;

    public SKImage? Raster { get; private set; }

    /// <summary>
    /// The raster <see cref="Raster"/> replaced (gone now: for comparing references only) and where, in raster pixels,
    /// the two differ (empty: nowhere); null when not known.
    /// </summary>
    public (SKImage From, SKRectI Area)? Change { get; private set; }

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
        // A layer that keeps failing is not retried every frame (each try may cost a frame): its placeholder stays
        // until its props, size or plugin change.
        if (_givenUp == (contentVersion, size, catalog.Generation)) return false;
        _givenUp = null;
        if (_rendererType != state.Type || _rendererGeneration != catalog.Generation)
        {
            ReplaceRenderer(state.Type, catalog);
            _rasterVersion = -1;
        }

        var animationVersion = _renderer is IAnimatedLayerRenderer animated ? SafeContentVersion(animated, time) : 0;
        if (_rasterVersion == contentVersion && _rasterSize == size && animationVersion == _rasterAnimationVersion && Raster is not null
            && !_resources.Outdated)
            return false;

        var previous = Raster;
        Raster = Draw(state, size, time);
        // Compared before the old raster goes: the frame then redoes only the part that changed.
        Change = previous is not null && Raster is not null && RasterChange.Between(previous, Raster) is { } area ? (previous, area) : null;
        previous?.Dispose();
        _rasterVersion = contentVersion;
        _rasterAnimationVersion = animationVersion;
        _rasterSize = size;
        _failures = Error is null ? 0 : _failures + 1;
        if (_failures >= FailuresBeforeGivingUp)
        {
            _givenUp = (contentVersion, size, catalog.Generation);
            logger.LogWarning("Layer {LayerId} failed {Failures} times in a row; it shows its error until its props change", layerId, _failures);
        }
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

    private SKImage? Draw(LayerState state, SKSizeI size, FrameTime time)
    {
        // The surface is kept: content that changes every frame (an animated color, a GIF) is not a new allocation each time.
        if (_surface is null || _surfaceSize != size)
        {
            ReleaseSurface();
            if (TryCreateSurface(size) is { } refused)
            {
                Fail(refused, null);
                // The error shows in a small box instead (when even that has no room, the layer is left out).
                var small = new SKSizeI(Math.Min(size.Width, 320), Math.Min(size.Height, 80));
                if (TryCreateSurface(small) is not null) return null;
                _surface!.Canvas.Clear(SKColors.Transparent);
                ErrorPlaceholder.Draw(_surface.Canvas, small, layerId, Error!);
                var placeholder = _surface.Snapshot();
                ReleaseSurface(); // tried again at full size when the layer changes
                return placeholder;
            }
        }
        var surface = _surface!;
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

    /// <summary>Makes the raster surface within RASTER_BUDGET_MB; returns why not, or null when it is made.</summary>
    private string? TryCreateSurface(SKSizeI size)
    {
        if (!compositor.Rasters.TryReserve(RasterBytes(size)))
            return $"no room for a {size.Width}x{size.Height} raster: the layers' rasters would exceed RASTER_BUDGET_MB";
        _surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        if (_surface is null)
        {
            compositor.Rasters.Release(RasterBytes(size));
            return $"cannot allocate a {size.Width}x{size.Height} raster";
        }
        _surfaceSize = size;
        return null;
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

    private SKSizeI _surfaceSize;

    private static long RasterBytes(SKSizeI size) => 4L * size.Width * size.Height;

    private void ReleaseSurface()
    {
        if (_surface is null) return;
        _surface.Dispose();
        _surface = null;
        compositor.Rasters.Release(RasterBytes(_surfaceSize));
    }

    public void Dispose()
    {
        DisposeRenderer();
        Raster?.Dispose();
        Raster = null;
        ReleaseSurface();
    }
}
