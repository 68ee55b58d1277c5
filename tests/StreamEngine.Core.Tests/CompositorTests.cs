using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;

namespace StreamEngine.Core.Tests;

public sealed class CompositorTests : IDisposable
{
    private static readonly VideoFormat Format = new(64, 48, 30);
    private readonly TestLayers _types = new();
    private readonly SceneGraph _scene = new(maxLayers: 10);
    private readonly Compositor _compositor;

    // The pictures these tests draw are written to temporary folders, which are therefore an asset root.
    public CompositorTests() => _compositor = new Compositor(Format, _types, NullLoggerFactory.Instance, ".",
        resources: new ResourceCacheOptions(Assets: new AssetRoots([Path.GetTempPath()])));

    private SKColor At(int x, int y) => Frame.Pixel(_compositor.Pixels, Format.Width, x, y);

    private void Compose(long frame = 0)
    {
        _scene.ApplyPending();
        _compositor.Compose(_scene, new FrameTime(frame, 30));
    }

    [Fact]
    public async Task A_layer_waiting_for_an_image_renders_again_when_the_load_finishes_without_any_change_to_it()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Root, "art.png");
        using (var bitmap = new SKBitmap(8, 8))
        {
            bitmap.Erase(SKColors.Red);
            File.WriteAllBytes(path, bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }
        _ = _scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "art", Type = "picture", Props = new() { ["src"] = path } }));
        Compose(0);
        Assert.Equal(SKColors.Empty, At(2, 2));

        await _compositor.Services.Resources.WhenLoadedAsync(CancellationToken.None);
        Compose(1);
        Assert.Equal(SKColors.Red, At(2, 2));
        Assert.Empty(_compositor.Errors);
    }

    [Fact]
    public async Task A_picture_saved_again_on_disk_shows_on_screen_without_any_change_to_its_layer()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Root, "art.png");
        WriteSolidPng(path, SKColors.Red);
        _ = _scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "art", Type = "picture", Props = new() { ["src"] = path } }));
        Compose(0);
        await _compositor.Services.Resources.WhenLoadedAsync(CancellationToken.None);
        Compose(1);
        Assert.Equal(SKColors.Red, At(2, 2));

        WriteSolidPng(path, SKColors.Blue);
        for (var frame = 2; frame < 200 && At(2, 2) != SKColors.Blue; frame++)
        {
            await Task.Delay(20);
            Compose(frame);
        }
        Assert.Equal(SKColors.Blue, At(2, 2));
    }

    private static void WriteSolidPng(string path, SKColor color)
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(color);
        File.WriteAllBytes(path, bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
    }

    [Fact]
    public async Task A_plugin_reload_draws_the_layers_ahead_off_the_frame_thread_and_the_swap_draws_nothing()
    {
        for (var i = 0; i < 4; i++) _ = _scene.Enqueue(SceneCommand.AddLayer(new LayerState
        {
            Id = $"g{i}", Type = "gated", Transform = new LayerTransform { X = i * 8, Y = 0, Width = 8, Height = 8 },
        }));
        Compose(0);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(SKColors.Red, At(i * 8 + 4, 4)));

        var next = new TestLayers { Generation = 1 }; // the plugin's new version, drawing green
        next.Gate.Reset();
        using var prepared = _compositor.Prepare(_scene, next, new FrameTime(1, 30));
        Compose(1);
        Compose(2); // frames go on with the old renderers while the new ones draw
        Assert.False(prepared.Ready.IsCompleted);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(SKColors.Red, At(i * 8 + 4, 4)));

        next.Gate.Set();
        await prepared.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4, next.GatedDraws.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, next.GatedDraws);

        _types.Generation = 1; // the catalog now serves the new version
        var drawnBefore = _types.GatedDraws.Count;
        await _compositor.Adopt(prepared);
        Compose(3);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(SKColors.Lime, At(i * 8 + 4, 4)));
        Assert.Equal(drawnBefore, _types.GatedDraws.Count); // the swap frame drew no layer
        Assert.Equal(4, next.GatedDraws.Count);
    }

    [Fact]
    public async Task A_layer_changed_or_hidden_while_drawn_ahead_is_drawn_off_the_frame_thread_before_the_swap()
    {
        _ = _scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "g", Type = "gated", Transform = new LayerTransform { Width = 8, Height = 8 } }));
        _ = _scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "hidden", Type = "gated", Transform = new LayerTransform { X = 8, Width = 8, Height = 8, Opacity = 0 } }));
        Compose(0);
        var next = new TestLayers { Generation = 1 };
        next.Gate.Reset();
        using var prepared = _compositor.Prepare(_scene, next, new FrameTime(1, 30));
        _ = _scene.Enqueue(SceneCommand.PatchLayer("g", new JsonObject { ["props"] = new JsonObject { ["label"] = "changed" } }));
        Compose(2); // the layer changes while its first picture with the new renderer is being drawn
        next.Gate.Set();
        await prepared.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, next.GatedDraws.Count); // the hidden layer too: showing it after the swap draws nothing then

        Assert.True(_compositor.CatchUp(prepared, _scene, new FrameTime(40, 30)));
        await prepared.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(_compositor.CatchUp(prepared, _scene, new FrameTime(44, 30)));
        Assert.Equal(3, next.GatedDraws.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, next.GatedDraws);

        _types.Generation = 1;
        var drawnBefore = _types.GatedDraws.Count;
        await _compositor.Adopt(prepared);
        _ = _scene.Enqueue(SceneCommand.PatchLayer("hidden", new JsonObject { ["transform"] = new JsonObject { ["opacity"] = 1 } }));
        Compose(45);
        Assert.Equal(SKColors.Lime, At(4, 4));
        Assert.Equal(SKColors.Lime, At(12, 4));
        Assert.Equal(drawnBefore, _types.GatedDraws.Count);
        Assert.Equal(3, next.GatedDraws.Count); // neither the changed nor the shown layer was drawn at the swap
    }

    [Fact]
    public void Layers_are_drawn_in_z_order_at_their_position()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("top", "#ff0000", z: 5, x: 10, y: 10, w: 20, h: 10)));
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bottom", "#0000ff", z: 1)));
        Compose();

        Assert.Equal(new SKColor(0, 0, 255), At(0, 0));
        Assert.Equal(new SKColor(255, 0, 0), At(10, 10));
        Assert.Equal(new SKColor(255, 0, 0), At(29, 19));
        Assert.Equal(new SKColor(0, 0, 255), At(30, 20));
    }

    [Fact]
    public void Opacity_blends_with_what_is_below()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bottom", "#000000")));
        var top = TestLayers.Fill("top", "#ffffff", z: 1);
        top.Transform.Opacity = 0.5;
        _scene.Enqueue(SceneCommand.AddLayer(top));
        Compose();

        Assert.InRange(At(5, 5).Red, 126, 130);
    }

    [Fact]
    public void Anchor_and_scale_place_the_box_around_the_anchor_point()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#000000")));
        var box = TestLayers.Fill("box", "#00ff00", z: 1, x: 32, y: 24, w: 10, h: 10);
        box.Transform.Anchor = new Anchor { X = 0.5, Y = 0.5 };
        box.Transform.ScaleX = 2;
        box.Transform.ScaleY = 2;
        _scene.Enqueue(SceneCommand.AddLayer(box));
        Compose();

        // 10 px scaled to 20 px about (32, 24): x 22..42, y 14..34
        Assert.Equal(new SKColor(0, 255, 0), At(23, 15));
        Assert.Equal(new SKColor(0, 255, 0), At(41, 33));
        Assert.Equal(new SKColor(0, 0, 0), At(20, 24));
        Assert.Equal(new SKColor(0, 0, 0), At(32, 12));
    }

    [Fact]
    public void Rotation_turns_the_layer_about_its_anchor()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#000000")));
        var bar = TestLayers.Fill("bar", "#ffffff", z: 1, x: 32, y: 24, w: 40, h: 4);
        bar.Transform.Anchor = new Anchor { X = 0.5, Y = 0.5 };
        bar.Transform.Rotation = 90;
        _scene.Enqueue(SceneCommand.AddLayer(bar));
        Compose();

        Assert.Equal(SKColors.White, At(32, 8));   // now vertical
        Assert.Equal(SKColors.Black, At(48, 24));  // no longer horizontal
    }

    [Fact]
    public void Moving_a_layer_reuses_its_cached_raster()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("box", "#ff0000", w: 8, h: 8)));
        Compose(0);
        for (var x = 1; x <= 5; x++)
        {
            _scene.Enqueue(SceneCommand.PatchLayer("box", new() { ["transform"] = new System.Text.Json.Nodes.JsonObject { ["x"] = x } }));
            Compose(x);
        }

        Assert.Equal(1, _types.Renders);
        Assert.Equal(new SKColor(255, 0, 0), At(12, 4));
        Assert.Equal(0, At(2, 4).Alpha);
    }

    [Fact]
    public void Changing_props_renders_the_content_again()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("box", "#ff0000")));
        Compose(0);
        _scene.Enqueue(SceneCommand.PatchLayer("box", new() { ["props"] = new System.Text.Json.Nodes.JsonObject { ["color"] = "#00ff00" } }));
        Compose(1);

        Assert.Equal(2, _types.Renders);
        Assert.Equal(new SKColor(0, 255, 0), At(1, 1));
    }

    [Fact]
    public void A_frame_where_nothing_changed_is_not_drawn_again()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("box", "#ff0000")));
        _scene.ApplyPending();

        Assert.True(_compositor.Compose(_scene, new FrameTime(0, 30)));
        Assert.False(_compositor.Compose(_scene, new FrameTime(1, 30)));
    }

    [Fact]
    public void A_throwing_renderer_shows_a_placeholder_and_other_layers_still_render()
    {
        _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#0000ff")));
        var bad = TestLayers.Fill("bad", "#000000", z: 1, w: 32, h: 24);
        bad.Type = "broken";
        _scene.Enqueue(SceneCommand.AddLayer(bad));
        Compose();

        Assert.Equal(new SKColor(0, 0, 255), At(60, 40));
        var placeholder = At(2, 20);
        Assert.True(placeholder.Red > placeholder.Blue, $"expected the reddish error placeholder, got {placeholder}");
        Assert.Contains(_compositor.Errors, e => e.LayerId == "bad" && e.Error.Contains("renderer exploded"));
    }

    public void Dispose() => _compositor.Dispose();
}
