using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// obs-websocket-js, the library control surfaces build on, drives a live engine (tests/obs-client, run with
/// <c>node --test</c>): password, scene list and switch, a scene item toggled, a recording started and stopped, events.
/// </summary>
public sealed class ObsClientTests : IDisposable
{
    private readonly TempDirectory _dir = new("obs-client");

    [Fact]
    public async Task An_obs_websocket_js_client_switches_scenes_toggles_a_layer_and_records()
    {
        var client = Path.Combine(RepoPaths.Root, "tests", "obs-client");
        Assert.True(Directory.Exists(Path.Combine(client, "node_modules", "obs-websocket-js")),
            "tests/obs-client/node_modules is missing: run `npm ci` there (tests/run.sh does)");
        const string password = "deck-2231";
        var env = Engine.Environment(("WS_PASSWORD", password), ("RECORDINGS_DIR", _dir.File("recordings")));
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.TestScene("named-scenes.json"), env);

        var node = await ProcessRunner.RunAsync("node", ["--test", "--test-reporter=spec", Path.Combine(client, "obs-client.test.js")],
            new Dictionary<string, string?> { ["OBS_URL"] = $"ws://127.0.0.1:{env["WS_PORT"]}/", ["OBS_PASSWORD"] = password },
            TimeSpan.FromSeconds(120));

        Assert.True(node.ExitCode == 0, node.AllOutput);
        var scenes = await engine.GetObjectAsync("api/scenes");
        Assert.Equal("Auction", scenes["onAir"]!.GetValue<string>());
        Assert.False((await engine.GetObjectAsync("api/layers/blue"))["visible"]!.GetValue<bool>());
        var recording = Assert.Single(Directory.GetFiles(Path.Combine(_dir.Root, "recordings"), "record-*.mp4"));
        Assert.True((await Media.ProbeAsync(recording)).Frames > 30, "the recording started over obs-websocket holds the show's frames");
        Assert.DoesNotContain(password, engine.Process.AllOutput);
    }

    public void Dispose() => _dir.Dispose();
}
