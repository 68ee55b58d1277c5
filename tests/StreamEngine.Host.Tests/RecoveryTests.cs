using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>Killing the engine loses no acknowledged change: what the API acknowledged is there after a SIGKILL and a restart.</summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new("recovery");

    private string Scene()
    {
        var path = _dir.File("scene.json");
        File.WriteAllText(path, """
            { "size": "320x180", "fps": 30, "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#000000" } },
                { "id": "box", "type": "shape", "zIndex": 1, "transform": { "x": 0, "y": 0, "width": 40, "height": 40 }, "props": { "fill": "#ffffff" } },
                { "id": "dot", "type": "shape", "zIndex": 2, "transform": { "x": 0, "y": 120, "width": 20, "height": 20 }, "props": { "fill": "#ff0000" } } ] }
            """);
        return path;
    }

    [Fact]
    public async Task After_a_SIGKILL_the_scene_and_a_running_timeline_come_back_from_sqlite()
    {
        var scene = Scene();
        var env = Engine.Environment();
        double xAtKill;
        await using (var first = await RunningEngine.StartSceneAsync(_dir.File("first.ts"), scene, env))
        {
            var patched = await first.Api.PatchAsync("api/layers/box", RunningEngine.Json("""{ "props": { "fill": "#00ff00" }, "transform": { "x": 200 } }"""));
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var started = await first.Api.PostAsync("api/animations", RunningEngine.Json("""
                { "id": "patrol", "kind": "tween", "target": "dot", "property": "x", "from": 0, "to": 300, "duration": 30, "repeat": -1 }
                """));
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            await Task.Delay(1000);
            xAtKill = (await first.GetObjectAsync("api/layers/dot"))["transform"]!["x"]!.GetValue<double>();
            first.Process.Signal(ProcessRunner.SigKill); // no chance to save anything more
            await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        await using var second = await RunningEngine.StartSceneAsync(_dir.File("second.ts"), scene, env);
        Assert.Contains(second.Process.Stderr, l => l.Contains("Restoring the show"));
        var box = await second.GetObjectAsync("api/layers/box");
        Assert.Equal("#00ff00", box["props"]!["fill"]!.GetValue<string>());
        Assert.Equal(200, box["transform"]!["x"]!.GetValue<double>());
        var timeline = Assert.Single(JsonNode.Parse(await second.Api.GetStringAsync("api/animations"))!.AsArray());
        Assert.Equal("patrol", timeline!["id"]!.GetValue<string>());
        var xNow = (await second.GetObjectAsync("api/layers/dot"))["transform"]!["x"]!.GetValue<double>();
        Assert.True(xNow > xAtKill, $"the timeline should have gone on from {xAtKill}, it is at {xNow}");

        await Task.Delay(1000);
        await second.StopAsync();
        var frame = await Media.DecodeFrameAsync(second.Recording, 10, 320, 180);
        Assert.True(frame.IsNear(220, 20, "#00ff00", 40, out var seen), $"the restored box should be green at (220, 20), got {seen}");
    }

    [Fact]
    public async Task Fresh_ignores_the_saved_state()
    {
        var scene = Scene();
        var env = Engine.Environment();
        await using (var first = await RunningEngine.StartSceneAsync(_dir.File("a.ts"), scene, env))
        {
            await first.Api.PatchAsync("api/layers/box", RunningEngine.Json("""{ "props": { "fill": "#00ff00" } }"""));
        }
        var fresh = ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "run", "--scene", scene, "--output", _dir.File("b.ts"), "--fresh", "--seconds", "2"], env);
        await fresh.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(fresh.Stderr, l => l.Contains("Restoring the show"));
    }

    public void Dispose() => _dir.Dispose();
}
