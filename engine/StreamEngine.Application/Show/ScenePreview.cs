using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// A picture of a scene before it goes on air, for the dashboard: its layers composed once, on a worker thread, by a
/// compositor and resource cache of its own, so the frame thread neither waits nor shares a cache with it. One
/// picture at a time; asking while one is being drawn waits for it (a producer clicks, nobody streams these).
/// </summary>
public sealed class ScenePreview(VideoFormat format, ILayerTypeCatalog catalog, ILoggerFactory loggers, string assets,
    Func<LayerServices> services, ShowLimits limits, int maxLayers)
{
    private static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Width of the pictures in pixels (the height keeps the aspect).</summary>
    public int Width { get; init; } = 480;

    /// <summary>The scene made of <paramref name="layers"/> at <paramref name="time"/> as a JPEG.</summary>
    public async Task<byte[]> RenderAsync(IReadOnlyList<LayerState> layers, FrameTime time, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try { return await Task.Run(() => ComposeAsync(layers, time, cancellationToken), cancellationToken); }
        finally { _one.Release(); }
    }

    private async Task<byte[]> ComposeAsync(IReadOnlyList<LayerState> layers, FrameTime time, CancellationToken cancellationToken)
    {
        var graph = new SceneGraph(maxLayers, limits);
        _ = graph.Enqueue(SceneCommand.LoadLayers(layers.Select(l => l.Clone())));
        graph.ApplyPending(); // this graph is private to this picture: this thread is its one writer
        using var shared = services();
        using var compositor = new Compositor(format, catalog, loggers, assets, smoothTransforms: true, shared);
        compositor.Compose(graph, time);
        // Images and fonts load in the background: draw again once they are in (or show what there is after a while).
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(LoadWait);
        try { await shared.Resources.WhenLoadedAsync(waited.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
        compositor.Compose(graph, time);
        using var image = SKImage.FromPixelCopy(new SKImageInfo(format.Width, format.Height, SKColorType.Bgra8888, SKAlphaType.Premul),
            compositor.Pixels, format.Width * 4);
        return PreviewJpeg.Encode(image, Width, 80).Jpeg;
    }
}
