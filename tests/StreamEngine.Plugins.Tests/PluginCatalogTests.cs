using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
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
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    [Fact]
    public void The_layers_plugin_provides_its_types_and_renders_with_the_hosts_skia()
    {
        CopyLayersPlugin();
        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.Root);

        Assert.Empty(catalog.Failures);
        Assert.Equal(["animation", "assistant", "background", "chat", "feed", "host", "image", "overlay.text", "shape"], catalog.LayerTypeNames.Order());
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
        File.WriteAllText(_dir.File("no-assembly/plugin.json"), """{"id":"ghost","version":"1.0.0","sdkVersion":"0.1.0","entryAssembly":"Ghost.dll"}""");

        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.Root);

        Assert.NotNull(catalog.Find("background"));
        var errors = catalog.Failures.ToDictionary(f => Path.GetFileName(f.Directory), f => f.Error);
        Assert.Contains("not valid JSON", errors["bad-json"]);
        Assert.Contains("targets SDK 9.0.0", errors["future-sdk"]);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadRenderAndUnload(string directory)
    {
        var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(directory);
        var scene = new SceneGraph(5);
        _ = scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "t", Type = "overlay.text", Props = new() { ["text"] = "hello" } }));
        scene.ApplyPending();
        using (var compositor = new Compositor(new VideoFormat(64, 32, 30), catalog, NullLoggerFactory.Instance, directory))
            compositor.Compose(scene, new FrameTime(0, 30));
        var context = catalog.Plugins[0].Unload();
        catalog.Dispose();
        return context;
    }

    public void Dispose() => _dir.Dispose();
}
