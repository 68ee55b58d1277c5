using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Tests;

/// <summary>The loader against the real plugin folders that <c>./stream-engine build</c> produces.</summary>
public sealed class PluginCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new("plugins");

    private string CopyLayersPlugin(string name = "layers")
    {
        var source = Path.Combine(RepoPaths.BuiltPlugins, "StreamEngine.Plugins.Layers");
        Assert.True(Directory.Exists(source), $"{source} is missing: run ./stream-engine build (tests/run.sh does)");
        var target = _dir.File(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy); // with runtimes/<rid>/native: the plugin's own native libraries (HarfBuzz)
        }
        return target;
    }

    [Fact]
    public void The_layers_plugin_provides_its_types_and_renders_with_the_hosts_skia()
    {
        CopyLayersPlugin();
        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.Root);

        Assert.Empty(catalog.Failures);
        Assert.Equal(["animation", "assistant", "background", "banner", "chat", "confetti", "countdown", "feed", "host", "image", "overlay.text", "priceCard", "shape"], catalog.LayerTypeNames.Order(StringComparer.Ordinal));
        var scene = new SceneGraph(5);
        _ = scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "bg", Type = "background", Props = new() { ["color"] = "#204080" } }));
        scene.ApplyPending();
        using var compositor = new Compositor(new VideoFormat(16, 16, 30), catalog, NullLoggerFactory.Instance, _dir.Root);
        compositor.Compose(scene, new FrameTime(0, 30));

        Assert.Empty(compositor.Errors);
        Assert.Equal([0x80, 0x40, 0x20, 0xff], compositor.Pixels[..4].ToArray()); // BGRA
    }

    [Fact]
    public void A_broken_plugin_is_skipped_with_its_reason_and_the_others_load()
    {
        CopyLayersPlugin();
        Directory.CreateDirectory(_dir.File("bad-json"));
        File.WriteAllText(_dir.File("bad-json/plugin.json"), "{ not json");
        Directory.CreateDirectory(_dir.File("future-sdk"));
        File.WriteAllText(_dir.File("future-sdk/plugin.json"), """{"id":"future","version":"1.0.0","sdkVersion":"9.0.0","entryAssembly":"Future.dll"}""");
        Directory.CreateDirectory(_dir.File("no-assembly"));
        File.WriteAllText(_dir.File("no-assembly/plugin.json"), """{"id":"ghost","version":"1.0.0","sdkVersion":"1.0.0","entryAssembly":"Ghost.dll"}""");

        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.Root);

        Assert.NotNull(catalog.Find("background"));
        var errors = catalog.Failures.ToDictionary(f => Path.GetFileName(f.Directory), f => f.Error);
        Assert.Contains("not valid JSON", errors["bad-json"]);
        Assert.Contains($"'future' targets SDK 9.0.0 (plugin.json sdkVersion); this engine provides SDK {SdkCompatibility.Engine.ToString(3)}", errors["future-sdk"]);
        Assert.Contains("'Ghost.dll' not found", errors["no-assembly"]);
    }

    [Fact]
    public void Two_plugins_cannot_register_the_same_layer_type()
    {
        CopyLayersPlugin("a");
        CopyLayersPlugin("b");
        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.Root);

        Assert.Single(catalog.Plugins);
        Assert.Contains("already provides", Assert.Single(catalog.Failures).Error);
    }

    [Fact]
    public void An_unloaded_plugin_leaves_no_load_context_behind()
    {
        CopyLayersPlugin();
        var context = LoadRenderAndUnload(_dir.Root);
        for (var i = 0; i < 10 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive, "the plugin's load context was not collected");
    }

    /// <summary>Every layer type of the plugin, drawn with its usual props, then the plugin unloaded: nothing may keep it alive.</summary>
    [Theory]
    [InlineData("overlay.text", """{ "text": "hello مرحبا नमस्ते 🎨", "letterSpacing": 1, "outline": { "color": "#000000" } }""")]
    [InlineData("background", """{ "gradient": { "type": "linear", "colors": ["#000000", "#ffffff"] } }""")]
    [InlineData("shape", """{ "shape": "path", "d": "M0 0 L10 10 Z", "fill": "#ff0000" }""")]
    [InlineData("image", """{ "src": "{samples}/hello/artwork.png" }""")]
    [InlineData("feed", """{ "src": "{samples}/layers/assets/artwork.png", "metadata": { "title": "Lot", "price": "2 ETH" } }""")]
    [InlineData("animation", """{ "sheet": "{samples}/layers/assets/ping-sheet.png", "rows": 3, "cols": 4 }""")]
    [InlineData("chat", """{ "maxVisible": 3 }""")]
    [InlineData("host", """{ "state": "talking", "speech": "Sold!", "states": { "idle": { "src": "{samples}/layers/characters/auctioneer/idle.png" }, "talking": { "sheet": "{samples}/layers/characters/auctioneer/talking.png", "rows": 1, "cols": 4 } } }""")]
    public void A_plugin_unloads_after_each_of_its_layer_types_has_rendered(string type, string props)
    {
        CopyLayersPlugin();
        var context = LoadRenderAndUnload(_dir.Root, type, props.Replace("{samples}", RepoPaths.Samples().Replace("\\", "/")));
        for (var i = 0; i < 10 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive, $"the plugin's load context was not collected after a {type} layer rendered");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadRenderAndUnload(string directory, string type = "overlay.text", string props = """{ "text": "hello" }""")
    {
        var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(directory);
        var scene = new SceneGraph(5);
        _ = scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "t", Type = type, Props = System.Text.Json.Nodes.JsonNode.Parse(props)!.AsObject() }));
        scene.ApplyPending();
        // The layers draw the samples' pictures, so the samples are an asset root.
        using (var compositor = new Compositor(new VideoFormat(64, 32, 30), catalog, NullLoggerFactory.Instance, directory,
                   resources: new ResourceCacheOptions(Assets: new AssetRoots([RepoPaths.Samples()]))))
        {
            compositor.Services.Chat.Post(new StreamEngine.Core.Chat.ChatPost("api", "ana", "2.5 ETH 🔥"));
            for (var frame = 0; frame < 3; frame++)
            {
                compositor.Services.Chat.OnFrame(new FrameTime(frame, 30));
                compositor.Compose(scene, new FrameTime(frame, 30));
                compositor.Services.Resources.WhenLoadedAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
            }
            Assert.Empty(compositor.Errors);
        }
        var context = catalog.Plugins[0].Unload();
        catalog.Dispose();
        return context;
    }

    public void Dispose() => _dir.Dispose();
}
