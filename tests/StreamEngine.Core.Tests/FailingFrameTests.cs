using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>The frame loop never freezes: a frame that cannot be composed is counted and gives its buffer back; a layer that keeps failing stops costing frames.</summary>
public sealed class FailingFrameTests : IDisposable
{
    private static readonly VideoFormat Format = new(64, 48, 30);
    private readonly TestLayers _types = new();
    private readonly SceneGraph _scene = new(maxLayers: 10);
    private readonly Compositor _compositor;
    private readonly FrameBufferPool _pool = new(Format, 3);
    private readonly CollectingSink _sink = new();
    private readonly FramePipeline _pipeline;

    public FailingFrameTests()
    {
        _compositor = new Compositor(Format, _types, NullLoggerFactory.Instance, ".");
        _pipeline = new FramePipeline(_scene, _compositor, _pool, _sink, new FrameStats());
    }

    private sealed class CollectingSink : IFrameSink
    {
        public List<long> Delivered { get; } = [];

        public bool TryWrite(VideoFrame frame)
        {
            Delivered.Add(frame.Time.Index);
            frame.Release(); // an encoder that keeps up
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private void Tick(long frame)
    {
        try { _pipeline.Tick(new FrameTime(frame, 30)); }
        catch (InvalidOperationException) { } // the live clock logs it and goes on; so does this loop
    }

    [Fact]
    public void A_compose_that_throws_is_counted_as_failed_and_releases_its_buffer_so_frames_come_again_once_the_cause_is_gone()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#336699")));
        _types.Broken = true;

        for (var i = 0; i < 10; i++) Tick(i);

        Assert.Empty(_sink.Delivered);
        Assert.Equal(10, _pipeline.Stats.DroppedFailed);
        Assert.Equal(10, _pipeline.Stats.Dropped);
        Assert.Equal(_pool.Capacity, _pool.Available); // more failed frames than buffers, and none is lost

        _types.Broken = false;
        Tick(10);
        Tick(11);

        Assert.Equal([10, 11], _sink.Delivered);
        Assert.Equal(10, _pipeline.Stats.DroppedFailed);
    }

    [Fact]
    public void A_layer_that_fails_every_draw_keeps_its_placeholder_and_is_retried_only_when_its_props_change()
    {
        _scene.Enqueue(SceneCommand.AddLayer(new LayerState
        {
            Id = "gif", Type = "flaky-animated", Transform = new LayerTransform { Width = 32, Height = 24 }, Props = new() { ["src"] = "a.gif" },
        }));

        for (var i = 0; i < 30; i++) Tick(i);

        Assert.Equal(LayerSlot.FailuresBeforeGivingUp, _types.Renders);
        Assert.Equal(30, _sink.Delivered.Count); // the other 27 frames were delivered without trying again
        var placeholder = Frame.Pixel(_compositor.Pixels, Format.Width, 2, 20);
        Assert.True(placeholder.Red > placeholder.Blue && placeholder.Alpha > 0, $"expected the reddish error placeholder, got {placeholder}");
        Assert.Contains(_compositor.Errors, e => e.LayerId == "gif" && e.Error.Contains("too large"));

        _scene.Enqueue(SceneCommand.PatchLayer("gif", new() { ["props"] = new System.Text.Json.Nodes.JsonObject { ["src"] = "b.gif" } }));
        Tick(30);

        Assert.Equal(LayerSlot.FailuresBeforeGivingUp + 1, _types.Renders);
    }

    [Fact]
    public void An_animated_size_beyond_the_raster_budget_shows_a_small_error_box_until_the_layer_fits_again()
    {
        using var scene = new ScopedCompositor(new ShowLimits { FrameWidth = 64, FrameHeight = 48, RasterBudgetBytes = 1 << 20 });
        scene.Graph.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#0000ff")));
        scene.Graph.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("big", "#ff0000", z: 1, w: 64, h: 48)));
        scene.Graph.ApplyPending();
        var big = scene.Graph.Find("big")!;
        // An animation may write any size up to LAYER_MAX_SIZE without a check of the budget (1000x1000 is 4 MB): the compositor holds it.
        (big.State.Transform.Width, big.State.Transform.Height) = (1000, 1000);
        scene.Graph.MarkAnimated(big, content: true, order: false);

        scene.Compositor.Compose(scene.Graph, new FrameTime(0, 30));

        var box = Frame.Pixel(scene.Compositor.Pixels, Format.Width, 2, 20);
        Assert.True(box.Red is > 60 and < 200 && box.Blue < box.Red, $"expected the reddish error box, got {box}");
        Assert.Contains(scene.Compositor.Errors, e => e.LayerId == "big" && e.Error.Contains("RASTER_BUDGET_MB"));
        Assert.True(scene.Compositor.Rasters.Bytes <= 1 << 20, $"{scene.Compositor.Rasters.Bytes} bytes of rasters");

        (big.State.Transform.Width, big.State.Transform.Height) = (64, 48);
        scene.Graph.MarkAnimated(big, content: true, order: false);
        scene.Compositor.Compose(scene.Graph, new FrameTime(1, 30));

        Assert.Equal(new SKColor(255, 0, 0), Frame.Pixel(scene.Compositor.Pixels, Format.Width, 2, 20));
        Assert.Empty(scene.Compositor.Errors);
    }

    private sealed class ScopedCompositor : IDisposable
    {
        public ScopedCompositor(ShowLimits limits)
        {
            Graph = new SceneGraph(10, limits);
            Compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        }

        public SceneGraph Graph { get; }
        public Compositor Compositor { get; }

        public void Dispose() => Compositor.Dispose();
    }

    public void Dispose() => _compositor.Dispose();
}
