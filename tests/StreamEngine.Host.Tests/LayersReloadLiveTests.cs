using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The real layers plugin reloaded while the demo show runs (its scene, simulated audience and auction script): the
/// layers are drawn with the new version off the frame thread, so the frames reaching the encoder keep their rhythm.
/// </summary>
[Collection(nameof(LayersReloadLiveTests))]
public sealed class LayersReloadLiveTests : IDisposable
{
    private const string Reload = "api/plugins/streamengine.layers/reload";
    private readonly TempDirectory _dir = new("layers-reload");

    [Fact]
    public async Task Reloading_the_layers_plugin_five_times_during_the_demo_show_leaves_no_gap_in_the_frames_the_encoder_receives()
    {
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("layers", "scene.json"),
            Engine.Environment(), "--audience", RepoPaths.Samples("layers", "audience.json"));
        await FramesAsync(engine, atLeast: 60); // past start-up (first calls compiled, chat flowing)
        var before = await engine.GetObjectAsync("api/stats");

        for (var i = 0; i < 5; i++)
        {
            var reloaded = await engine.Api.PostAsync(Reload, RunningEngine.Json(""));
            Assert.True(reloaded.StatusCode == HttpStatusCode.OK, await reloaded.Content.ReadAsStringAsync());
        }
        var after = await FramesAsync(engine, atLeast: Value(await engine.GetObjectAsync("api/stats"), "frames") + 30);

        Assert.Equal(5, Value(after, "pluginReloads"));
        Assert.True(Value(after, "encoderGaps") == Value(before, "encoderGaps"),
            $"frames reached the encoder with gaps during the reloads: before {before.ToJsonString()}, after {after.ToJsonString()}");
        Assert.Equal(Value(before, "dropped"), Value(after, "dropped"));
        Assert.Contains(engine.Process.Stderr, l => l.Contains("Plugin streamengine.layers reloaded"));
    }

    [Fact]
    public async Task The_demo_reloads_plugins_on_request_as_run_does()
    {
        var env = Engine.Environment();
        using var demo = ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "demo", "--seconds", "120"], env, workingDirectory: _dir.Root);
        await demo.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(60));
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{env["PORT"]}/") };

        var reloaded = await api.PostAsync(Reload, RunningEngine.Json(""));

        Assert.True(reloaded.StatusCode == HttpStatusCode.OK, await reloaded.Content.ReadAsStringAsync());
        Assert.Equal("streamengine.layers", JsonNode.Parse(await reloaded.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        demo.Signal(ProcessRunner.SigTerm);
        await demo.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(demo.ExitCode == 0, demo.AllOutput);
    }

    private static long Value(JsonObject stats, string name) => stats[name]!.GetValue<long>();

    /// <summary>The stats once the show has delivered at least <paramref name="atLeast"/> frames.</summary>
    private static async Task<JsonObject> FramesAsync(RunningEngine engine, long atLeast)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stats = await engine.GetObjectAsync("api/stats");
            if (Value(stats, "frames") >= atLeast) return stats;
            if (attempt > 600) throw new TimeoutException($"the show delivered {Value(stats, "frames")} frames, expected {atLeast}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// The gap assertion is about the engine, not about other live tests encoding video on the same two cores: these
/// tests run after the parallel ones, alone.
/// </summary>
[CollectionDefinition(nameof(LayersReloadLiveTests), DisableParallelization = true)]
public sealed class LayersReloadLiveCollection;
