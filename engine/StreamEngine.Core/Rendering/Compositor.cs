using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// Draws the scene into one BGRA frame. Retained: each layer's content is a cached raster, re-rendered only
/// when its content changes; each frame draws those rasters with the layer's transform and opacity, only where
/// something changed (<see cref="FrameDamage"/>), and a frame in which nothing changed is not drawn again at all.
/// </summary>
public sealed class Compositor : IDisposable
{
    private readonly ILayerTypeCatalog _catalog;
    private readonly ILoggerFactory _loggers;
    private readonly Dictionary<string, LayerSlot> _slots = new(StringComparer.Ordinal);
    private readonly SKBitmap _frame;
    private readonly SKCanvas _canvas;
    private readonly SKPaint _paint = new() { IsAntialias = true };
    private readonly SKSamplingOptions _transformedSampling;
    private readonly FrameDamage _damage = new();
    private ActiveTransition? _transition;
    private long _drawnCatalogGeneration = -1;
    private readonly bool _ownsServices;

    /// <param name="services">The resource cache and chat feed layers share; when null the compositor makes and owns default ones.</param>
    /// <param name="resources">Limits of the default resource cache; by default local files only from <paramref name="assetDirectory"/>.</param>
    public Compositor(VideoFormat format, ILayerTypeCatalog catalog, ILoggerFactory loggers, string assetDirectory, bool smoothTransforms = true,
        LayerServices? services = null, ResourceCacheOptions? resources = null)
    {
        _ownsServices = services is null;
        Services = services ?? LayerServices.CreateDefault(resources ?? new ResourceCacheOptions(Assets: new AssetRoots([assetDirectory])));
        _transformedSampling = smoothTransforms ? new SKSamplingOptions(SKFilterMode.Linear) : SKSamplingOptions.Default;
        Format = format;
        AssetDirectory = assetDirectory;
        _catalog = catalog;
        _loggers = loggers;
        _frame = new SKBitmap(new SKImageInfo(format.Width, format.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(_frame);
    }

    public VideoFormat Format { get; }

    /// <summary>The resource cache and chat feed shared by the layers.</summary>
    public LayerServices Services { get; }

    /// <summary>Bytes held by the layers' rasters, within the scene's RASTER_BUDGET_MB.</summary>
    public RasterBudget Rasters { get; } = new();

    /// <summary>Folder that relative asset paths in layer props resolve against.</summary>
    public string AssetDirectory { get; set; }

    /// <summary>Changes every time the frame is drawn anew; equal versions mean identical pixels.</summary>
    public long FrameVersion { get; private set; }

    /// <summary>The last composed frame's pixels: BGRA, premultiplied, rows without padding.</summary>
    public ReadOnlySpan<byte> Pixels => _frame.GetPixelSpan();

    /// <summary>Layer ids whose renderer currently fails, with the error.</summary>
    public IEnumerable<(string LayerId, string Error)> Errors =>
        _slots.Where(s => s.Value.Error is not null).Select(s => (s.Key, s.Value.Error!));

    /// <summary>
    /// Starts a transition from what is on screen now (the last composed frame) to whatever the scene shows from
    /// this frame on. Frame thread only; call it before the new scene's layers are applied.
    /// </summary>
    public void BeginTransition(SceneTransition transition, FrameTime time)
    {
        _transition?.Dispose();
        _transition = null;
        if (transition.Kind == TransitionKind.Cut || transition.Duration <= 0) return;
        _transition = new ActiveTransition(transition, SKImage.FromBitmap(_frame), time.Seconds);
    }

    /// <summary>Composes the frame at <paramref name="time"/>; returns false when it is identical to the previous one.</summary>
    public bool Compose(SceneGraph scene, FrameTime time)
    {
        var size = new SKSizeI(Format.Width, Format.Height);
        Services.Resources.BeginFrame();
        Rasters.Limit = scene.Limits.RasterBudgetBytes;
        if (_catalog.Generation != _drawnCatalogGeneration)
            foreach (var slot in _slots.Values) slot.ReleaseStaleRenderer(_catalog.Generation);
        foreach (var layer in scene.Layers)
        {
            if (!IsDrawn(layer.State)) continue;
            if (!SlotFor(layer.State.Id).Update(layer, BoxSize(layer.State.Transform, size, scene.Limits), time, _catalog)) continue;
            FrameTrace.Current?.Mark(layer.State.Id);
        }
        RemoveSlotsOfDeletedLayers(scene);

        var transitionEnded = _transition?.IsOverAt(time.Seconds) == true;
        if (transitionEnded)
        {
            _transition!.Dispose();
            _transition = null;
        }
        var frame = new SKRectI(0, 0, size.Width, size.Height);
        var looks = new List<(string Id, FrameDamage.Look Look)>();
        foreach (var layer in scene.Layers)
            if (IsDrawn(layer.State) && _slots.TryGetValue(layer.State.Id, out var slot) && slot.Raster is { } raster)
            {
                var matrix = Placement(raster, layer.State.Transform);
                looks.Add((layer.State.Id, new FrameDamage.Look(raster, matrix, Alpha(layer.State.Transform), FrameDamage.Bounds(raster, matrix), slot.Change)));
            }
        var everything = transitionEnded || _transition is not null || FrameVersion == 0 || _catalog.Generation != _drawnCatalogGeneration;
        var damage = _damage.Next(looks, frame, everything);
        _drawnCatalogGeneration = _catalog.Generation;
        if (damage.Count == 0) return false;
        // Most of the frame changed: clear and draw it all (the clips would only add work).
        if (FrameDamage.Area(damage) * 2 > (long)size.Width * size.Height) damage = [frame];

        var progress = _transition?.Progress(time.Seconds) ?? 1;
        foreach (var rect in damage)
        {
            _canvas.Save();
            _canvas.ClipRect(rect);
            _canvas.Clear(SKColors.Transparent);
            _canvas.Save();
            _canvas.Translate(_transition?.NewSceneOffset(progress, size.Width) ?? 0, 0);
            foreach (var (_, look) in looks)
                if (rect == frame || look.Bounds.IntersectsWith(rect)) DrawLayer(look);
            _canvas.Restore();
            _transition?.DrawOutgoing(_canvas, progress, size);
            _canvas.Restore();
        }
        _canvas.Flush();
        FrameVersion++;
        _damage.Composed(FrameVersion, damage);
        return true;
    }

    /// <summary>
    /// The rectangles (apart from each other) in which the frame <paramref name="version"/> and the current one differ,
    /// or null when not known (take it all): a pooled buffer that holds an earlier frame needs only those copied, and
    /// the encoder's converted copy of an earlier frame only those converted again.
    /// </summary>
    public IReadOnlyList<SKRectI>? ChangedSince(long version) =>
        _damage.Changed(version, FrameVersion, new SKRectI(0, 0, Format.Width, Format.Height));

    /// <summary>
    /// Frame thread: copies the state of every layer (hidden ones too: one shown after the swap must not be drawn first
    /// on the frame thread) and starts drawing it, off the frame thread, with a renderer from <paramref name="next"/>
    /// (the layer types as they will be after a plugin reload). Frames go on meanwhile with the current renderers;
    /// <see cref="Adopt"/> swaps the drawn layers in once <see cref="PreparedLayers.Ready"/> and <see cref="CatchUp"/> says so.
    /// </summary>
    public PreparedLayers Prepare(SceneGraph scene, ILayerTypeCatalog next, FrameTime time) =>
        PreparedLayers.Draw(Copies(scene, _ => true), next, time, id => CreateSlot(id), Services.Resources);

    /// <summary>
    /// Frame thread, once <paramref name="prepared"/> is ready: when layers changed (or were added) while it was drawn,
    /// starts drawing them again off the frame thread and returns true (swap later); false when the swap can happen now.
    /// </summary>
    public bool CatchUp(PreparedLayers prepared, SceneGraph scene, FrameTime time)
    {
        if (prepared.Rounds > PreparedLayers.MaxRounds) return false;
        var frame = new SKSizeI(Format.Width, Format.Height);
        var changed = Copies(scene, l => !prepared.IsCurrent(l.State.Id, l.ContentVersion, BoxSize(l.State.Transform, frame, scene.Limits)));
        if (changed.Count == 0) return false;
        prepared.CatchUp(changed, time);
        return true;
    }

    private List<PreparedLayers.Copy> Copies(SceneGraph scene, Func<SceneLayer, bool> which)
    {
        var frame = new SKSizeI(Format.Width, Format.Height);
        return [.. scene.Layers.Where(which)
            .Select(l => new PreparedLayers.Copy(l.State.Clone(), l.ContentVersion, BoxSize(l.State.Transform, frame, scene.Limits)))];
    }

    /// <summary>
    /// Frame thread, once the catalog serves the layer types <paramref name="prepared"/> was drawn with: its layers
    /// replace the current ones, so the frame shows them without drawing anything. The replaced ones (renderers of the
    /// old version) are disposed off the frame thread (nothing on it uses them any more) once <paramref name="idle"/>
    /// completes; the task completes then.
    /// </summary>
    /// <param name="idle">
    /// When the frame thread is idle (the swap frame delivered): disposing takes 5-25 ms of CPU, which, started at the
    /// swap, kept the swap frame itself waiting for a core on a busy two-core machine.
    /// </param>
    public Task Adopt(PreparedLayers prepared, Task? idle = null)
    {
        var replaced = new List<LayerSlot>();
        foreach (var (id, slot) in prepared.Take())
        {
            slot.Adopt(_catalog.Generation);
            if (_slots.Remove(id, out var old)) replaced.Add(old);
            _slots[id] = slot;
        }
        // At normal priority: disposing Skia objects may take locks Skia shares between threads (its caches), which a
        // starved low-priority thread would hold while the frame thread waits for them.
        return (idle ?? Task.CompletedTask).ContinueWith(_ =>
        {
            foreach (var slot in replaced) slot.Dispose();
        }, TaskScheduler.Default);
    }

    private static SKMatrix Placement(SKImage raster, LayerTransform t) =>
        SKMatrix.CreateTranslation((float)t.X, (float)t.Y)
            .PreConcat(SKMatrix.CreateRotationDegrees((float)t.Rotation))
            .PreConcat(SKMatrix.CreateScale((float)t.ScaleX, (float)t.ScaleY))
            .PreConcat(SKMatrix.CreateTranslation(-(float)(t.Anchor.X * raster.Width), -(float)(t.Anchor.Y * raster.Height)));

    private static byte Alpha(LayerTransform t) => (byte)Math.Round(Math.Clamp(t.Opacity, 0, 1) * 255);

    private void DrawLayer(FrameDamage.Look look)
    {
        _paint.Color = SKColors.White.WithAlpha(look.Alpha);
        _canvas.Save();
        _canvas.Concat(look.Matrix);
        // A pixel-aligned, unscaled raster is copied exactly; anything else is sampled linearly (nearest at low quality).
        var sampling = IsPixelAligned(_canvas.TotalMatrix) ? SKSamplingOptions.Default : _transformedSampling;
        _canvas.DrawImage(look.Raster, 0, 0, sampling, _paint);
        _canvas.Restore();
    }

    private static bool IsPixelAligned(SKMatrix m) =>
        m.ScaleX == 1 && m.ScaleY == 1 && m.SkewX == 0 && m.SkewY == 0
        && m.TransX == MathF.Round(m.TransX) && m.TransY == MathF.Round(m.TransY);

    private static bool IsDrawn(LayerState state) => state.Visible && state.Transform.Opacity > 0;

    // The scene's rules keep boxes within LAYER_MAX_SIZE; the clamp keeps a raster allocatable whatever gets through.
    private static SKSizeI BoxSize(LayerTransform t, SKSizeI frame, ShowLimits limits) => new(
        (int)Math.Clamp(Math.Round(t.Width > 0 ? t.Width : frame.Width), 1, Math.Max(1, limits.MaxLayerWidth)),
        (int)Math.Clamp(Math.Round(t.Height > 0 ? t.Height : frame.Height), 1, Math.Max(1, limits.MaxLayerHeight)));

    private LayerSlot SlotFor(string layerId)
    {
        if (!_slots.TryGetValue(layerId, out var slot)) _slots[layerId] = slot = CreateSlot(layerId);
        return slot;
    }

    private LayerSlot CreateSlot(string layerId) => new(layerId, _loggers.CreateLogger($"StreamEngine.Layer.{layerId}"), this);

    private void RemoveSlotsOfDeletedLayers(SceneGraph scene)
    {
        if (_slots.Count <= scene.Layers.Count) return;
        foreach (var id in _slots.Keys.Where(id => scene.Find(id) is null).ToList())
        {
            _slots[id].Dispose();
            _slots.Remove(id);
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values) slot.Dispose();
        _slots.Clear();
        _transition?.Dispose();
        _paint.Dispose();
        _canvas.Dispose();
        _frame.Dispose();
        if (_ownsServices) Services.Dispose();
    }
}
