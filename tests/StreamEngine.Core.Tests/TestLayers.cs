using SkiaSharp;
using StreamEngine.Core.Rendering;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>Layer types for compositor tests: a solid fill that counts its renders, one that always throws, a picture from the resource cache.</summary>
internal sealed class TestLayers : ILayerTypeCatalog
{
    public int Renders;

    private long _generation;

    /// <summary>A bug outside any renderer: while set, the catalog itself throws, so composing a frame throws.</summary>
    public bool Broken { get; set; }

    public long Generation
    {
        get => Broken ? throw new InvalidOperationException("catalog exploded") : _generation;
        set => _generation = value;
    }

    /// <summary>"gated" layers wait for it before drawing (open unless a test closes it).</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    /// <summary>The threads "gated" layers were drawn on, one entry per draw.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> GatedDraws { get; } = new();

    public ILayerType? Find(string typeName) => typeName switch
    {
        "fill" => new Type(typeName, _ => ctx =>
        {
            Renders++;
            ctx.Canvas.Clear(SKColor.Parse(ctx.Props["color"]!.GetValue<string>()));
            // An optional 3×3 spot at (2, 2): content that changes in a small part of the layer.
            if (ctx.Props["spot"]?.GetValue<string>() is { } spot)
                using (var paint = new SKPaint { Color = SKColor.Parse(spot) }) ctx.Canvas.DrawRect(2, 2, 3, 3, paint);
        }),
        "broken" => new Type(typeName, _ => _ => throw new InvalidOperationException("renderer exploded")),
        // Says its content changes every frame, and fails every draw: a GIF whose decoder broke.
        "flaky-animated" => new AnimatedType(typeName, () => { Renders++; throw new OverflowException("value was too large"); }),
        // Draws once the gate is open, in red before a reload (generation 0) and green after.
        "gated" => new Type(typeName, _ => ctx =>
        {
            Gate.Wait(TimeSpan.FromSeconds(30));
            GatedDraws.Enqueue(Environment.CurrentManagedThreadId);
            ctx.Canvas.Clear(Generation == 0 ? SKColors.Red : SKColors.Lime);
        }),
        "picture" => new Type(typeName, layer => ctx =>
        {
            if (layer.Resources.Image(ctx.Props["src"]!.GetValue<string>()).ValueOrThrow() is { } image) ctx.Canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }),
        _ => null,
    };

    private sealed class Type(string name, Func<LayerContext, Action<LayerDrawContext>> render) : ILayerType
    {
        public string Name => name;

        public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(render(context));
    }

    private sealed class AnimatedType(string name, Action render) : ILayerType
    {
        public string Name => name;

        public ILayerRenderer CreateRenderer(LayerContext context) => new AnimatedRenderer(render);
    }

    private sealed class AnimatedRenderer(Action render) : IAnimatedLayerRenderer
    {
        public long ContentVersionAt(FrameTime time) => time.Index;

        public void Render(LayerDrawContext context) => render();

        public void Dispose() { }
    }

    private sealed class Renderer(Action<LayerDrawContext> render) : ILayerRenderer
    {
        public void Render(LayerDrawContext context) => render(context);

        public void Dispose() { }
    }

    public static LayerState Fill(string id, string color, int z = 0, double x = 0, double y = 0, double w = 0, double h = 0) => new()
    {
        Id = id,
        Type = "fill",
        ZIndex = z,
        Transform = new LayerTransform { X = x, Y = y, Width = w, Height = h },
        Props = new System.Text.Json.Nodes.JsonObject { ["color"] = color },
    };
}
