using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;

namespace StreamEngine.Core.Tests.Animation;

/// <summary>A scene with a few layers and an animation runtime, driven frame by frame like the frame clock does.</summary>
internal sealed class AnimationRig
{
    public const int Fps = 30;

    public AnimationRig(params string[] layerIds)
    {
        Scene = new SceneGraph(20);
        foreach (var id in layerIds.DefaultIfEmpty("box"))
            _ = Scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = id, Type = "fill", Props = new JsonObject { ["color"] = "#000000" } }));
        Scene.ApplyPending();
        Runtime = new AnimationRuntime(Scene, new TestEasings(), NullLogger<AnimationRuntime>.Instance);
        Runtime.Events += e => Events.Add(e);
    }

    public SceneGraph Scene { get; }

    public AnimationRuntime Runtime { get; }

    public List<AnimationEvent> Events { get; } = [];

    public long Frame { get; private set; }

    public LayerState Layer(string id = "box") => Scene.Find(id)!.State;

    /// <summary>Runs frames up to and including <paramref name="frame"/>.</summary>
    public void RunTo(long frame)
    {
        for (; Frame <= frame; Frame++) Runtime.OnFrame(new FrameTime(Frame, Fps));
    }

    public void RunSeconds(double seconds) => RunTo(Frame + (long)Math.Round(seconds * Fps) - 1);

    public string Start(AnimationSpec spec)
    {
        var started = Runtime.StartAsync(spec);
        Runtime.OnFrame(new FrameTime(Frame++, Fps));
        return started.GetAwaiter().GetResult();
    }

    public static AnimationSpec Json(string json) => AnimationJson.Parse(JsonNode.Parse(json)!);

    /// <summary>The few easings the tests use, as the easings plugin names them.</summary>
    internal sealed class TestEasings : IEasingCatalog
    {
        public IEasing Resolve(string specification) => specification switch
        {
            "linear" => new Easing("linear", t => t),
            "easeInQuad" => new Easing("easeInQuad", t => t * t),
            "easeOutQuad" => new Easing("easeOutQuad", t => 1 - (1 - t) * (1 - t)),
            "easeInCubic" => new Easing("easeInCubic", t => t * t * t),
            "easeOutCubic" => new Easing("easeOutCubic", t => 1 - Math.Pow(1 - t, 3)),
            _ => throw new FormatException($"easing '{specification}' is unknown"),
        };

        private sealed record Easing(string Name, Func<double, double> F) : IEasing
        {
            public double Ease(double t) => F(t);
        }
    }
}
