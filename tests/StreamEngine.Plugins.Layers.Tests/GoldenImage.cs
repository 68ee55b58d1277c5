using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Plugins.Layers;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Testing;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>
/// Renders a scene with the layers plugin's types (through the engine's compositor: transforms, z-order, resources)
/// and compares it with a checked-in PNG under golden/ by the check plugin authors get in StreamEngine.Sdk.Testing: a
/// pixel counts as different when a channel differs by more than <see cref="ChannelTolerance"/>; the test fails when
/// more than <see cref="PixelTolerance"/> of the pixels differ, writing the actual frame and a difference image. A
/// missing golden image fails (a test that writes its own expectation cannot fail); UPDATE_GOLDEN=1 writes them anew.
/// </summary>
internal static class GoldenImage
{
    public const int ChannelTolerance = 8;
    public const double PixelTolerance = 0.002;

    private static string GoldenDirectory => Path.Combine(RepoPaths.Root, "tests", "StreamEngine.Plugins.Layers.Tests", "golden");

    public static void Check(string name, int width, int height, params LayerState[] layers) =>
        CheckAt(name, width, height, 0, null, layers);

    /// <summary>
    /// Renders frame <paramref name="frame"/> (30 fps) after <paramref name="prepare"/> has set up the shared services
    /// (posting chat messages, for example), and compares it with the golden image.
    /// </summary>
    public static void CheckAt(string name, int width, int height, long frame, Action<LayerServices>? prepare, params LayerState[] layers)
    {
        using var actual = Render(width, height, layers, frame, prepare);
        Check(name, actual);
    }

    /// <summary>Compares a rendered frame with the golden image <paramref name="name"/>, with the SDK's own golden check.</summary>
    public static void Check(string name, SKBitmap actual) =>
        Sdk.Testing.GoldenImage.AssertMatches(actual, Path.Combine(GoldenDirectory, name + ".png"), new GoldenTolerance(ChannelTolerance, PixelTolerance));

    /// <summary>Renders the layers at a frame, waiting for the images and fonts they load, as an offline render does.</summary>
    /// <param name="waitForResources">False renders the frame as a live show would before its images have arrived.</param>
    public static SKBitmap Render(int width, int height, LayerState[] layers, long frame = 0, Action<LayerServices>? prepare = null, bool waitForResources = true)
    {
        using var compositor = Compose(width, height, layers, frame, prepare, waitForResources);
        Assert.Empty(compositor.Errors);
        return Copy(compositor);
    }

    /// <summary>The layers that fail to render, with their errors (a bad prop, a missing file).</summary>
    public static List<(string LayerId, string Error)> Errors(int width, int height, params LayerState[] layers)
    {
        using var compositor = Compose(width, height, layers, 0, null, waitForResources: true);
        return compositor.Errors.ToList();
    }

    private static Compositor Compose(int width, int height, LayerState[] layers, long frame, Action<LayerServices>? prepare, bool waitForResources)
    {
        var scene = new SceneGraph(100);
        foreach (var layer in layers) _ = scene.Enqueue(SceneCommand.AddLayer(layer));
        scene.ApplyPending();
        var compositor = new Compositor(new VideoFormat(width, height, 30), new LayerTypes(), NullLoggerFactory.Instance, AssetDirectory, resources: Resources);
        prepare?.Invoke(compositor.Services);
        var time = new FrameTime(frame, 30);
        if (waitForResources) ComposeLoaded(compositor, scene, time);
        else compositor.Compose(scene, time);
        return compositor;
    }

    /// <summary>Composes a frame, and again at the same time until every image and font it asked for has loaded (or failed).</summary>
    public static void ComposeLoaded(Compositor compositor, SceneGraph scene, FrameTime time)
    {
        compositor.Compose(scene, time);
        while (compositor.Services.Resources.Loading > 0)
        {
            compositor.Services.Resources.WhenLoadedAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
            compositor.Compose(scene, time);
        }
    }

    /// <summary>The compositor's last frame as a bitmap.</summary>
    public static SKBitmap Copy(Compositor compositor)
    {
        var (width, height) = (compositor.Format.Width, compositor.Format.Height);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        compositor.Pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }

    public static string AssetDirectory => Path.Combine(RepoPaths.Root, "samples", "hello");

    /// <summary>
    /// Assets from every sample (the characters live in samples/layers), the fixture media and the tests' temporary
    /// folders; remote images from the test server on loopback.
    /// </summary>
    public static ResourceCacheOptions Resources { get; } = new(
        Assets: new AssetRoots([RepoPaths.Samples(), Path.Combine(RepoPaths.Root, "tests", "fixtures"), Path.GetTempPath()]),
        Remote: new RemoteAccess(["127.0.0.1"]));

    /// <summary>The plugin's layer types, as the engine would find them: every public class implementing <see cref="ILayerType"/>.</summary>
    internal sealed class LayerTypes : ILayerTypeCatalog
    {
        private readonly Dictionary<string, ILayerType> _types = typeof(TextLayer).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILayerType).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ILayerType)Activator.CreateInstance(t)!)
            .ToDictionary(t => t.Name);

        public long Generation => 0;

        public ILayerType? Find(string typeName) => _types.GetValueOrDefault(typeName);
    }
}
