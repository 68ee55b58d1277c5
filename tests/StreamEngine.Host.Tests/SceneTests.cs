using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Named scenes of a live engine over REST: switched with a crossfade (seen in the decoded recording), a shared layer
/// left untouched, scenes created and removed, and the on-air scene back after a restart.
/// </summary>
public sealed class SceneTests : IDisposable
{
    private const int Small = 4; // frames are decoded at 80x45: a quarter of 320x180
    private readonly TempDirectory _dir = new("scenes");

    [Fact]
    public async Task A_crossfade_to_a_named_scene_shows_its_layers_keeps_the_shared_layer_and_survives_a_restart()
    {
        var scene = RepoPaths.TestScene("named-scenes.json");
        var env = Engine.Environment();
        await using (var engine = await RunningEngine.StartSceneAsync(_dir.File("first.ts"), scene, env))
        {
            var list = await engine.GetObjectAsync("api/scenes");
            Assert.Equal("Intro", list["onAir"]!.GetValue<string>());
            Assert.Equal(["Intro", "Auction"], list["scenes"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
            Assert.Equal(["bg", "red", "chat"], list["scenes"]![0]!["layers"]!.AsArray().Select(l => l!.GetValue<string>()));
            Assert.True(list["scenes"]![0]!["onAir"]!.GetValue<bool>());

            // The shared layer is changed live: the switch must keep this state, not reload it from the file.
            var patched = await engine.Api.PatchAsync("api/layers/chat", RunningEngine.Json("""{ "props": { "fill": "#00ffff" } }"""));
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            await Task.Delay(500);
            var switched = await engine.Api.PostAsync("api/scenes/Auction/switch",
                RunningEngine.Json("""{ "transition": { "kind": "crossfade", "duration": 1.5, "easing": "linear" } }"""));
            Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
            await Task.Delay(2500);

            list = await engine.GetObjectAsync("api/scenes");
            Assert.Equal("Auction", list["onAir"]!.GetValue<string>());
            Assert.Equal("#00ffff", (await engine.GetObjectAsync("api/layers/chat"))["props"]!["fill"]!.GetValue<string>());
            Assert.Contains("blue", await engine.Api.GetStringAsync("api/layers"));
            Assert.DoesNotContain("\"red\"", await engine.Api.GetStringAsync("api/layers"));
            await engine.StopAsync();
        }

        var frames = await DecodeAllAsync(_dir.File("first.ts"));
        var square = frames.Select(f => f.At(70 / Small, 90 / Small)).ToList();
        var chat = frames.Select(f => f.At(260 / Small, 90 / Small)).ToList();
        Assert.True(IsNear(square[10], (255, 0, 0)), $"Intro shows the red square first, got {square[10]}");
        Assert.True(IsNear(square[^1], (0, 0, 255)), $"Auction shows the blue square last, got {square[^1]}");
        var mixed = square.Count(c => c.R > 60 && c.B > 60 && c.G < 60);
        Assert.True(mixed >= 10, $"a 1.5 s crossfade blends red into blue over many frames; {mixed} frames were blended");
        var bad = chat.Skip(5).Select((c, i) => (c, i)).Where(x => x.c.G < 200 || x.c.R > 60).ToList();
        Assert.True(bad.Count == 0, $"the shared layer stays green or cyan in every frame, also during the crossfade; frame {bad.FirstOrDefault().i + 5} is {bad.FirstOrDefault().c}");

        await using var second = await RunningEngine.StartSceneAsync(_dir.File("second.ts"), scene, env);
        var restored = await second.GetObjectAsync("api/scenes");
        Assert.Equal("Auction", restored["onAir"]!.GetValue<string>());
        await Task.Delay(1000);
        await second.StopAsync();
        var frame = await Media.DecodeFrameAsync(second.Recording, 10, 320, 180);
        Assert.True(frame.IsNear(70, 90, "#0000ff", 50, out var seen), $"after the restart Auction is on air (blue square), got {seen}");
        Assert.True(frame.IsNear(260, 90, "#00ffff", 50, out seen), $"the shared layer keeps its change after the restart, got {seen}");
    }

    [Fact]
    public async Task Scenes_are_created_switched_and_removed_and_mistakes_get_problems_naming_the_field()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "layers", env: []);
        var list = await engine.GetObjectAsync("api/scenes");
        Assert.Equal("Auction", list["onAir"]!.GetValue<string>());
        Assert.Equal(["Intro", "Auction", "Break"], list["scenes"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));

        var created = await engine.Api.PostAsync("api/scenes", RunningEngine.Json("""
            { "name": "Sold", "layers": ["backdrop", { "id": "sold-card", "type": "overlay.text", "zIndex": 40, "props": { "text": "SOLD" } }, "chat"] }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sold = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(["backdrop", "chat", "sold-card"], sold["layers"]!.AsArray().Select(l => l!.GetValue<string>()));
        await ApiTests.AssertProblem(await engine.Api.PostAsync("api/scenes", RunningEngine.Json("""{ "name": "Sold", "layers": [] }""")), 409, "name", "scene 'Sold' exists");
        await ApiTests.AssertProblem(await engine.Api.PostAsync("api/scenes", RunningEngine.Json("""{ "name": "Ghost", "layers": ["nope"] }""")), 400, "layers", "layer 'nope' does not exist");
        await ApiTests.AssertProblem(await engine.Api.PostAsync("api/scenes/Sold/switch", RunningEngine.Json("""{ "transition": { "kind": "dissolve" } }""")), 400, "transition.kind", "not one of cut, crossfade");
        await ApiTests.AssertProblem(await engine.Api.PostAsync("api/scenes/Nowhere/switch", RunningEngine.Json("{}")), 404, "sceneName", "scene 'Nowhere' does not exist");

        var saved = await engine.Api.PutAsync("api/scenes/Sold", RunningEngine.Json("""{ "layers": ["backdrop", "sold-card"] }"""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.PostAsync("api/scenes/Sold/switch", RunningEngine.Json("{}"))).StatusCode);
        var layers = JsonNode.Parse(await engine.Api.GetStringAsync("api/layers"))!.AsArray().Select(l => l!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["backdrop", "sold-card"], layers);

        await ApiTests.AssertProblem(await DeleteAsync(engine, "api/scenes/Sold"), 409, "name", "is on air");
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(engine, "api/scenes/Intro")).StatusCode);
        list = await engine.GetObjectAsync("api/scenes");
        Assert.Equal(["Auction", "Break", "Sold"], list["scenes"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.GetAsync("api/show")).StatusCode);
    }

    [Fact]
    public async Task Over_the_websocket_scenes_are_listed_created_switched_and_removed_with_obs_field_names()
    {
        const string password = "scenes-ws-771";
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("ws.ts"), RepoPaths.TestScene("named-scenes.json"), Engine.Environment(("WS_PASSWORD", password)));
        using var socket = await WebSocketTests.IdentifyAsync(new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/"), password, subscriptions: 1);
        var sent = 0;
        var passed = new List<JsonNode>(); // events that arrived while a call waited for its answer (they may come first)
        async Task<JsonNode> Call(string type, JsonObject? data = null)
        {
            var id = $"r{++sent}";
            await WebSocketTests.SendAsync(socket, new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["requestType"] = type, ["requestId"] = id, ["requestData"] = data ?? [] } });
            JsonNode message;
            while ((message = await WebSocketTests.ReceiveAsync(socket))["op"]!.GetValue<int>() != 7 || message["d"]!["requestId"]!.GetValue<string>() != id)
                passed.Add(message);
            return message["d"]!;
        }

        var list = await Call("GetSceneList");
        Assert.Equal("Intro", list["responseData"]!["currentProgramSceneName"]!.GetValue<string>());
        Assert.Equal(["Auction", "Intro"], list["responseData"]!["scenes"]!.AsArray().Select(s => s!["sceneName"]!.GetValue<string>()));
        Assert.Equal([0, 1], list["responseData"]!["scenes"]!.AsArray().Select(s => s!["sceneIndex"]!.GetValue<int>()));

        var created = await Call("CreateScene", new JsonObject { ["sceneName"] = "Break", ["layers"] = new JsonArray("bg", "chat") });
        Assert.Equal(100, created["requestStatus"]!["code"]!.GetValue<int>());
        Assert.Equal(601, (await Call("CreateScene", new JsonObject { ["sceneName"] = "Break" }))["requestStatus"]!["code"]!.GetValue<int>());

        var switched = await Call("SetCurrentProgramScene", new JsonObject { ["sceneName"] = "Break", ["transition"] = new JsonObject { ["kind"] = "wipe", ["duration"] = 0.3 } });
        Assert.Equal(100, switched["requestStatus"]!["code"]!.GetValue<int>());
        static bool IsSceneChange(JsonNode m) => m["d"]?["eventType"]?.GetValue<string>() == "CurrentProgramSceneChanged";
        var evt = passed.FirstOrDefault(IsSceneChange);
        while (evt is null) evt = await WebSocketTests.ReceiveAsync(socket) is var m && IsSceneChange(m) ? m : null;
        Assert.Equal("Break", evt["d"]!["eventData"]!["sceneName"]!.GetValue<string>());
        Assert.Equal("Break", (await Call("GetCurrentProgramScene"))["responseData"]!["currentProgramSceneName"]!.GetValue<string>());

        var onAir = await Call("RemoveScene", new JsonObject { ["sceneName"] = "Break" });
        Assert.Equal(601, onAir["requestStatus"]!["code"]!.GetValue<int>());
        Assert.Contains("on air", onAir["requestStatus"]!["comment"]!.GetValue<string>());
        Assert.Equal(100, (await Call("RemoveScene", new JsonObject { ["sceneName"] = "Intro" }))["requestStatus"]!["code"]!.GetValue<int>());
        var unknown = await Call("GetSourceScreenshot");
        Assert.Equal(204, unknown["requestStatus"]!["code"]!.GetValue<int>());
        Assert.Equal(["bg", "chat"], (await engine.GetObjectAsync("api/scenes"))["scenes"]!.AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Break")!["layers"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    /// <summary>A change sends JSON, even without a body (the browser rules of the front door).</summary>
    private static Task<HttpResponseMessage> DeleteAsync(RunningEngine engine, string path) =>
        engine.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = RunningEngine.Json("") });

    private static bool IsNear((int R, int G, int B) c, (int R, int G, int B) want) =>
        Math.Abs(c.R - want.R) < 60 && Math.Abs(c.G - want.G) < 60 && Math.Abs(c.B - want.B) < 60;

    /// <summary>Every frame of a recording, decoded small.</summary>
    internal static async Task<List<DecodedFrame>> DecodeAllAsync(string path)
    {
        const int width = 320 / Small, height = 180 / Small;
        var rgb = await Media.RunAsync("ffmpeg", TimeSpan.FromSeconds(60), "-v", "error", "-i", path, "-vf", $"scale={width}:{height}",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        var size = width * height * 3;
        return [.. Enumerable.Range(0, rgb.Length / size).Select(i => new DecodedFrame(rgb[(i * size)..((i + 1) * size)], width))];
    }

    public void Dispose() => _dir.Dispose();
}
