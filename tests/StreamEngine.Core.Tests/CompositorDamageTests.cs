using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>
/// Composing only what changed (and copying only the changed rows into a pooled buffer) shows exactly what composing
/// every frame from scratch shows: each frame the pipeline hands over is compared byte for byte with a fresh
/// compositor's picture of the same scene, through moves by fractions of a pixel, rotation, fades, hiding, new
/// content, a new order and a removed layer.
/// </summary>
public sealed class CompositorDamageTests
{
    private static readonly VideoFormat Format = new(96, 64, 30);

    private static readonly JsonObject[] Steps =
    [
        Patch("box", """{ "transform": { "x": 10.5, "y": 7.25 } }"""),
        Patch("bar", """{ "transform": { "rotation": 33 } }"""),
        Patch("box", """{ "transform": { "opacity": 0.4 } }"""),
        Patch("dot", """{ "props": { "color": "#00ff0080" } }"""),
        Patch("bar", """{ "visible": false }"""),
        Patch("dot", """{ "transform": { "scaleX": 1.7, "x": 70 } }"""),
        Patch("bar", """{ "visible": true, "transform": { "x": 60, "rotation": -12 } }"""),
        Patch("box", """{ "zIndex": 9 }"""),
        new JsonObject { ["remove"] = "dot" },
        Patch("box", """{ "transform": { "x": 11 } }"""),
    ];

    [Fact]
    public void Every_frame_is_the_same_as_one_composed_from_scratch()
    {
        var scene = Scene();
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        var sink = new CopyingSink();
        var pipeline = new FramePipeline(scene, compositor, new FrameBufferPool(Format, 3), sink, new FrameStats());
        var reference = Scene();

        pipeline.Tick(new FrameTime(0, 30));
        Assert.Equal(Fresh(reference), sink.Frames[^1]);
        for (var i = 0; i < Steps.Length; i++)
        {
            Apply(scene, Steps[i]);
            Apply(reference, Steps[i]);
            pipeline.Tick(new FrameTime(i + 1, 30));
            pipeline.Tick(new FrameTime(i + 1, 30)); // an unchanged frame, into another buffer
            Assert.True(Fresh(reference).AsSpan().SequenceEqual(sink.Frames[^2]), $"frame after step {i} ({Steps[i].ToJsonString()}) differs");
            Assert.True(sink.Frames[^1].AsSpan().SequenceEqual(sink.Frames[^2]), $"the repeated frame after step {i} differs");
        }
        Assert.True(sink.Patched >= Steps.Length, $"expected the changes told for most frames, got {sink.Patched}");
    }

    [Fact]
    public void Two_far_apart_changes_in_one_frame_are_composed_and_told_as_two_rectangles()
    {
        var scene = Scene();
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        var sink = new CopyingSink();
        var pipeline = new FramePipeline(scene, compositor, new FrameBufferPool(Format, 3), sink, new FrameStats());
        var reference = Scene();
        pipeline.Tick(new FrameTime(0, 30));

        foreach (var step in new[] { Patch("box", """{ "transform": { "x": 5 } }"""), Patch("dot", """{ "props": { "color": "#00ffff" } }""") })
        {
            Apply(scene, step);
            Apply(reference, step);
        }
        pipeline.Tick(new FrameTime(1, 30));

        Assert.True(Fresh(reference).AsSpan().SequenceEqual(sink.Frames[^1]), "the frame differs from one composed from scratch");
        Assert.Equal(2, sink.LastChanges.Count);
        Assert.Contains(sink.LastChanges, r => r.X < 10 && r.Y < 10);   // the box, top left
        Assert.Contains(sink.LastChanges, r => r.X > 70 && r.Y > 40);   // the dot, bottom right
        Assert.True(sink.LastChanges.Sum(r => r.Width * r.Height) < Format.Width * Format.Height / 4, "only the two layers' areas");
    }

    [Fact]
    public void A_layer_whose_new_content_differs_in_a_small_part_is_redone_only_there()
    {
        var scene = Scene();
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        var sink = new CopyingSink();
        var pipeline = new FramePipeline(scene, compositor, new FrameBufferPool(Format, 3), sink, new FrameStats());
        var reference = Scene();
        pipeline.Tick(new FrameTime(0, 30));

        var steps = new[]
        {
            Patch("box", """{ "props": { "spot": "#00ff00" } }"""),
            Patch("box", """{ "props": { "spot": "#0000ff" } }"""),
            Patch("box", """{ "transform": { "opacity": 0.5 }, "props": { "spot": "#ff0000" } }"""), // and faded: all of it
        };
        for (var i = 0; i < steps.Length; i++)
        {
            Apply(scene, steps[i]);
            Apply(reference, steps[i]);
            pipeline.Tick(new FrameTime(i + 1, 30));
            Assert.True(Fresh(reference).AsSpan().SequenceEqual(sink.Frames[^1]), $"frame after step {i} differs from one composed from scratch");
            var area = sink.LastChanges.Sum(r => r.Width * r.Height);
            if (i < 2) Assert.True(area is > 0 and < 20 * 14 / 2, $"step {i}: expected only the spot's surroundings redone, got {area} pixels");
            else Assert.True(area >= 20 * 14, $"step {i}: a faded layer is redone whole, got {area} pixels");
        }
    }

    private static SceneGraph Scene()
    {
        var scene = new SceneGraph(maxLayers: 10);
        scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#203040")));
        scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("box", "#ff8000c0", z: 1, x: 4, y: 4, w: 20, h: 14)));
        scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bar", "#ffffff", z: 2, x: 40, y: 30, w: 30, h: 4)));
        scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("dot", "#ff00ff", z: 3, x: 80, y: 50, w: 6, h: 6)));
        return scene;
    }

    private static void Apply(SceneGraph scene, JsonObject step)
    {
        if (step["remove"] is { } id) scene.Enqueue(SceneCommand.RemoveLayer(id.GetValue<string>()));
        else scene.Enqueue(SceneCommand.PatchLayer(step["id"]!.GetValue<string>(), (JsonObject)step["patch"]!.DeepClone()));
    }

    /// <summary>The scene composed by a compositor that never drew before.</summary>
    private static byte[] Fresh(SceneGraph scene)
    {
        scene.ApplyPending();
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        compositor.Compose(scene, new FrameTime(0, 30));
        return compositor.Pixels.ToArray();
    }

    private static JsonObject Patch(string id, string patch) => new() { ["id"] = id, ["patch"] = JsonNode.Parse(patch) };

    /// <summary>
    /// Keeps a copy of every frame and gives its buffer back at once, so buffers are reused with older frames in them.
    /// Like the encoder's YUV copy, it also keeps one picture brought up to date with only the rectangles each frame
    /// says changed since the previous one, and checks it against the whole frame.
    /// </summary>
    private sealed class CopyingSink : IFrameSink
    {
        private byte[]? _patched;
        private long _version = -1;

        public List<byte[]> Frames { get; } = [];

        public int Patched { get; private set; }

        public List<PixelRect> LastChanges { get; } = [];

        public bool TryWrite(VideoFrame frame)
        {
            Frames.Add(frame.Pixels.ToArray());
            LastChanges.Clear();
            LastChanges.AddRange(frame.ChangedRects);
            if (_patched is not null && _version >= 0 && frame.ChangedSince == _version)
            {
                foreach (var r in frame.ChangedRects)
                    for (var row = r.Y; row < r.Y + r.Height; row++)
                        frame.Pixels.Span.Slice((row * Format.Width + r.X) * 4, r.Width * 4).CopyTo(_patched.AsSpan((row * Format.Width + r.X) * 4));
                Patched++;
            }
            else _patched = frame.Pixels.ToArray();
            _version = frame.ContentVersion;
            Assert.True(_patched.AsSpan().SequenceEqual(Frames[^1]), $"frame {frame.Time.Index}: the picture patched with the changes told differs from the frame");
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
