using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Runs one layer type the way the engine does — one renderer for the layer, <c>Render</c> with the layer's size,
/// props and the frame's time — on a <see cref="ManualFrameClock"/>, with a <see cref="FakeChatFeed"/> and local
/// files for images and fonts, and gives the frame as a bitmap or checks it against a golden PNG.
/// </summary>
public sealed class LayerHarness : IDisposable
{
    private readonly ILayerType _type;
    private ILayerRenderer? _renderer;

    /// <summary>A harness for a layer of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    /// <param name="type">The layer type under test.</param>
    /// <param name="width">The layer's width, 1 to 7680.</param>
    /// <param name="height">The layer's height, 1 to 4320.</param>
    /// <param name="assetDirectory">Where relative image and font paths resolve; null for the current directory.</param>
    /// <param name="fps">The clock's frames per second.</param>
    public LayerHarness(ILayerType type, int width, int height, string? assetDirectory = null, int fps = 30)
    {
        if (width is < 1 or > 7680) throw new ArgumentOutOfRangeException(nameof(width), width, "expected 1 to 7680 pixels");
        if (height is < 1 or > 4320) throw new ArgumentOutOfRangeException(nameof(height), height, "expected 1 to 4320 pixels");
        _type = type;
        Size = new SKSizeI(width, height);
        Clock = new ManualFrameClock(fps);
        Chat = new FakeChatFeed(Clock);
        var assets = Path.GetFullPath(assetDirectory ?? Directory.GetCurrentDirectory());
        Resources = new LocalResources(assets);
        Context = new LayerContext("layer", assets, Log, Resources, Chat);
    }

    /// <summary>The layer's size.</summary>
    public SKSizeI Size { get; }

    /// <summary>Show time; advance it between renders to test animation.</summary>
    public ManualFrameClock Clock { get; }

    /// <summary>The chat the layer sees.</summary>
    public FakeChatFeed Chat { get; }

    /// <summary>Where images and fonts come from.</summary>
    public LocalResources Resources { get; }

    /// <summary>What the layer logged.</summary>
    public RecordingLogger Log { get; } = new();

    /// <summary>The context the renderer was created with.</summary>
    public LayerContext Context { get; }

    /// <summary>Renders the layer with <paramref name="propsJson"/> at the clock's frame onto a transparent bitmap.</summary>
    public SKBitmap Render(string propsJson) =>
        Render(JsonNode.Parse(propsJson) as JsonObject ?? throw new ArgumentException("props: expected a JSON object", nameof(propsJson)));

    /// <summary>Renders the layer with <paramref name="props"/> at the clock's frame onto a transparent bitmap.</summary>
    public SKBitmap Render(JsonObject props)
    {
        _renderer ??= _type.CreateRenderer(Context);
        var bitmap = new SKBitmap(new SKImageInfo(Size.Width, Size.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        _renderer.Render(new LayerDrawContext(canvas, Size, props, Clock.Now));
        canvas.Flush();
        return bitmap;
    }

    /// <summary>Renders with <paramref name="propsJson"/> and checks the frame against <paramref name="goldenPath"/> (see <see cref="GoldenImage"/>).</summary>
    public void AssertMatchesGolden(string propsJson, string goldenPath, GoldenTolerance? tolerance = null)
    {
        using var frame = Render(propsJson);
        GoldenImage.AssertMatches(frame, goldenPath, tolerance);
    }

    /// <summary>Disposes the renderer and what was loaded.</summary>
    public void Dispose()
    {
        _renderer?.Dispose();
        Resources.Dispose();
    }
}
