using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Tests;

/// <summary>
/// Hot reload with a real plugin project (tests/fixtures/plugins/ColorPlugin) built in three versions: red, green,
/// and one that fails to load. Frames keep coming through every swap.
/// </summary>
public sealed class HotReloadTests : IDisposable
{
    private static readonly VideoFormat Format = new(32, 16, 30);
    private readonly TempDirectory _dir = new("hot-reload");
    private readonly List<SKColor> _frames = [];
    private long _frame;

    private string PluginFolder => _dir.File("plugins/color");

    /// <summary>Deploys a build over the running plugin's folder, as a user copying a new version would.</summary>
    private async Task DeployAsync(string color, bool broken, string version)
    {
        var staging = _dir.File($"build-{version}");
        await ColorPluginBuild.BuildAsync(color, broken, version, staging);
        ColorPluginBuild.Deploy(staging, PluginFolder);
    }

    private void Tick(FramePipeline pipeline, int frames)
    {
        for (var i = 0; i < frames; i++) pipeline.Tick(new FrameTime(_frame++, Format.Fps));
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_live_the_old_unloads_and_a_broken_one_leaves_it_running()
    {
        Directory.CreateDirectory(PluginFolder);
        await ColorPluginBuild.BuildAsync("ff0000", broken: false, "1.0.0", PluginFolder);
        using var catalog = new PluginCatalog(NullLoggerFactory.Instance);
        catalog.LoadDirectory(_dir.File("plugins"));
        var scene = new SceneGraph(5);
        _ = scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "c", Type = "test.color" }));
        using var compositor = new Compositor(Format, catalog, NullLoggerFactory.Instance, _dir.Root);
        var stats = new FrameStats();
        var pipeline = new FramePipeline(scene, compositor, new FrameBufferPool(Format, 4), new FirstPixelSink(_frames), stats);
        using var reloader = new PluginReloader(catalog, _dir.File("plugins"), NullLoggerFactory.Instance, (compositor, scene));
        pipeline.AddHook(reloader);
        reloader.Watch();

        Tick(pipeline, 5);
        await DeployAsync("00ff00", broken: false, "2.0.0");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (reloader.Reloads == 0 && DateTime.UtcNow < deadline)
        {
            Tick(pipeline, 1); // the show goes on while the watcher notices and the new version loads
            await Task.Delay(20);
        }
        Assert.Equal(1, reloader.Reloads);
        Tick(pipeline, 3);

        Assert.Equal(new SKColor(255, 0, 0), _frames[0]);
        Assert.Equal(new SKColor(0, 255, 0), _frames[^1]);
        Assert.Equal("2.0.0", Assert.Single(catalog.Plugins).Manifest.Version);
        Assert.Equal(0, stats.Dropped);
        Assert.Equal(_frame, _frames.Count); // every tick delivered a frame: none dropped around the swap

        deadline = DateTime.UtcNow.AddSeconds(15);
        while (reloader.Unloads.Unloaded == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal((1L, 0L), reloader.Unloads);

        reloader.Dispose(); // no watcher for the broken version: reload it directly to get its error
        await DeployAsync("0000ff", broken: true, "3.0.0");
        var broken = await Assert.ThrowsAsync<PluginLoadException>(() => reloader.ReloadAsync(PluginFolder));
        Assert.Contains("broken on purpose", broken.Message);
        Tick(pipeline, 3);
        Assert.Equal(new SKColor(0, 255, 0), _frames[^1]);
        Assert.Contains(catalog.Failures, f => f.Error.Contains("broken on purpose"));
    }

    private sealed class FirstPixelSink(List<SKColor> pixels) : IFrameSink
    {
        public bool TryWrite(VideoFrame frame)
        {
            var b = frame.Buffer;
            pixels.Add(new SKColor(b[2], b[1], b[0], b[3]));
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
        {
            TryWrite(frame);
            return ValueTask.CompletedTask;
        }
    }

    public void Dispose() => _dir.Dispose();
}
