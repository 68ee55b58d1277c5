using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Hot reload through the real CLI: `run` streams a layer of the fixture plugin (red), the test copies version 2
/// (green) over it while the show is live, and the recording shows red frames, then green ones, none dropped.
/// </summary>
public sealed partial class PluginReloadLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("reload-live");

    [GeneratedRegex(@"Frames (\d+), dropped (\d+)")]
    private static partial Regex StatusLine();

    [Fact]
    public async Task Copying_a_new_version_over_a_live_plugin_switches_its_layers_at_a_frame_boundary_without_dropping_a_frame()
    {
        var (plugins, green, scene) = await RedShowAsync(next: ("00ff00", Broken: false, "2.0.0"));
        var recording = _dir.File("show.ts");

        using var engine = Engine.Start(["run", "--scene", scene, "--output", recording, "--status-every", "0.5", "--no-api"],
            ("STREAM_ENGINE_PLUGINS", _dir.File("plugins")));
        // The reload is what must not drop a frame: counted from once the output is live, as a copy comes while the show
        // runs (while ffmpeg starts, a loaded machine can make the encoder refuse the first frames, reload or not).
        await engine.WaitForLineAsync(l => l.Contains("show.ts: Live"), TimeSpan.FromSeconds(30));
        var before = await NextStatusAsync(engine);
        ColorPluginBuild.Deploy(green, plugins);
        await engine.WaitForLineAsync(l => l.Contains("the old version is unloaded"), TimeSpan.FromSeconds(60));
        var after = await NextStatusAsync(engine);
        engine.Signal(ProcessRunner.SigTerm);
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(engine.ExitCode == 0, engine.AllOutput);
        Assert.True(before.Groups[2].Value == after.Groups[2].Value, $"frames dropped during the reload: {before.Value} -> {after.Value}");
        Assert.Contains(engine.Stderr, l => l.Contains("reloaded: 1.0.0 -> 2.0.0"));

        // Red frames, then green frames, nothing else in between.
        var sequence = await FrameColorsAsync(recording);
        Assert.Matches("^R+G+$", sequence);
        Assert.True(sequence.Count(c => c == 'G') >= 5, sequence);
    }

    /// <summary>The first status line logged from now on.</summary>
    private static async Task<Match> NextStatusAsync(ProcessRunner engine)
    {
        await engine.WaitForLineAsync(l => StatusLine().IsMatch(l), TimeSpan.FromSeconds(10), skip: engine.Stderr.Count(l => StatusLine().IsMatch(l)));
        return StatusLine().Match(engine.Stderr.Last(l => StatusLine().IsMatch(l)));
    }

    [Fact]
    public async Task A_plugin_reloads_on_request_over_the_api_and_a_broken_version_is_refused_with_its_error()
    {
        var (plugins, broken, scene) = await RedShowAsync(next: ("0000ff", Broken: true, "3.0.0"));
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("STREAM_ENGINE_PLUGINS", _dir.File("plugins"))));

        var reloaded = await engine.Api.PostAsync("api/plugins/test.color/reload", RunningEngine.Json(""));
        Assert.Equal(System.Net.HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal("1.0.0", System.Text.Json.Nodes.JsonNode.Parse(await reloaded.Content.ReadAsStringAsync())!["version"]!.GetValue<string>());
        await engine.Process.WaitForLineAsync(l => l.Contains("the old version is unloaded"), TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        var metrics = "";
        for (var attempt = 0; attempt < 50 && !metrics.Contains("streamengine_plugin_unloads_total{result=\"unloaded\"} 1"); attempt++, await Task.Delay(100))
            metrics = await http.GetStringAsync(engine.Metrics); // refreshed once a second
        Assert.Contains("streamengine_plugin_reloads_total 1", metrics);
        Assert.Contains("streamengine_plugin_unloads_total{result=\"unloaded\"} 1", metrics);

        ColorPluginBuild.Deploy(broken, plugins);
        await engine.Process.WaitForLineAsync(l => l.Contains("was not reloaded, the running version stays"), TimeSpan.FromSeconds(60));
        var refused = await engine.Api.PostAsync("api/plugins/test.color/reload", RunningEngine.Json(""));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("broken on purpose", await refused.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await engine.Api.PostAsync("api/plugins/nope/reload", RunningEngine.Json(""))).StatusCode);

        await engine.StopAsync();
        var colors = await FrameColorsAsync(engine.Recording);
        Assert.Matches("^R+$", colors); // the running red version kept rendering throughout
    }

    /// <summary>
    /// A plugins folder with the fixture plugin's red version 1.0.0, a staged build of the next version to copy over it,
    /// and a 64x36 scene of one layer of it.
    /// </summary>
    private async Task<(string Plugins, string Next, string Scene)> RedShowAsync((string Color, bool Broken, string Version) next)
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/color")).FullName;
        await ColorPluginBuild.BuildAsync("ff0000", broken: false, "1.0.0", plugins);
        var staged = _dir.File($"build-{next.Version}");
        await ColorPluginBuild.BuildAsync(next.Color, next.Broken, next.Version, staged);
        var scene = _dir.File("scene.json");
        File.WriteAllText(scene, """{ "size": "64x36", "fps": 30, "layers": [ { "id": "c", "type": "test.color" } ] }""");
        return (plugins, staged, scene);
    }

    /// <summary>One letter per frame of a recording, from its averaged pixel: R red, G green, ? anything else.</summary>
    private static async Task<string> FrameColorsAsync(string recording)
    {
        var pixels = await Media.RunAsync("ffmpeg", TimeSpan.FromSeconds(60), "-v", "error", "-i", recording, "-vf", "scale=1:1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        return new string([.. pixels.Chunk(3).Select(p => p[0] > 200 && p[1] < 60 ? 'R' : p[1] > 200 && p[0] < 60 ? 'G' : '?')]);
    }

    public void Dispose() => _dir.Dispose();
}
