using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The chat source, chat stage and show behaviour contracts through the real CLI, with the fixture plugin
/// tests/fixtures/plugins/ShowPlugin: its conversation flows through its stage into its counter behaviour, which a
/// script and REST clients call; version 2 copied over it while live takes over (the source reconnects, the counter
/// keeps its count) and the old version unloads; a broken version 3 leaves version 2 running.
/// </summary>
public sealed class PluginContractsLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("contracts-live");

    [Fact]
    public async Task Chat_source_stage_and_behaviour_plugins_run_live_reload_keeping_state_and_a_broken_version_leaves_the_running_one()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/show")).FullName;
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, plugins);
        await ShowPluginBuild.BuildAsync("2.0.0", broken: false, _dir.File("build-2"));
        await ShowPluginBuild.BuildAsync("3.0.0", broken: true, _dir.File("build-3"));
        var scene = Scene("""{ "sources": [ { "id": "script", "type": "test.conversation", "settings": { "everyMs": 100 } } ], "stages": ["test.tag"] }""");
        Directory.CreateDirectory(_dir.File("scripts"));
        File.WriteAllText(_dir.File("scripts/caller.js"), """after(0.5, () => log("counter says", call("test.counter", "add", 100)));""");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("STREAM_ENGINE_PLUGINS", _dir.File("plugins"))));

        // Version 1: the conversation is tagged by the stage, spam is dropped, a failing stage call lets the message through untagged.
        var v1 = await CounterAsync(engine, c => Text(c, "lastText").StartsWith("v1 ") && Tags(c).Contains("tagged-v1") && c["untagged"]!.GetValue<long>() > 0);
        Assert.False(v1["spamSeen"]!.GetValue<bool>());
        Assert.Contains(engine.Process.Stderr, l => l.Contains("Chat stage test.tag failed on message"));
        var said = await engine.Process.WaitForLineAsync(l => l.Contains("[caller.js] counter says"), TimeSpan.FromSeconds(30));
        Assert.True(long.Parse(said.Split("counter says ")[1]) >= 100, said); // the script's call reached the behaviour
        var sources = (await engine.Api.GetFromJsonArrayAsync("api/chat/sources")).Single()!;
        Assert.Equal(("script", "Live", true), (Text(sources, "id"), Text(sources, "state"), sources["canSend"]!.GetValue<bool>()));
        using (var http = new HttpClient())
        {
            var metrics = "";
            for (var attempt = 0; attempt < 50 && !metrics.Contains("streamengine_chat_source_state{source=\"script\"} 1"); attempt++, await Task.Delay(100))
                metrics = await http.GetStringAsync(engine.Metrics); // refreshed once a second
            Assert.Contains("streamengine_chat_source_state{source=\"script\"} 1", metrics); // 1: live
        }

        // Its REST route: a change is answered once recorded; a bad amount is a problem naming the field.
        var before = (await engine.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!.GetValue<long>();
        var added = await engine.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json("""{ "amount": 5 }"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.True(JsonNode.Parse(await added.Content.ReadAsStringAsync())!["count"]!.GetValue<long>() >= before + 5);
        var refused = await engine.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json("""{ "amount": 5000 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("amount", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await engine.Api.GetAsync("api/behaviours/test.counter/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engine.Api.GetAsync("api/behaviours/nobody/count")).StatusCode);

        // Version 2 while live: source, stage and behaviour are the new ones, the count goes on, the old version unloads.
        var counted = (await engine.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!.GetValue<long>();
        ColorPluginBuild.Deploy(_dir.File("build-2"), plugins);
        await engine.Process.WaitForLineAsync(l => l.Contains("Plugin test.show 1.0.0: the old version is unloaded"), TimeSpan.FromSeconds(60));
        var v2 = await CounterAsync(engine, c => Text(c, "version") == "2.0.0" && Text(c, "lastText").StartsWith("v2 ") && Tags(c).Contains("tagged-v2"));
        Assert.True(v2["count"]!.GetValue<long>() > counted, v2.ToJsonString());
        Assert.Contains(engine.Process.Stderr, l => l.Contains("Chat source script: plugin test.show 2.0.0 loaded; reconnecting with it"));

        // A broken version 3 is refused; version 2 keeps counting.
        ColorPluginBuild.Deploy(_dir.File("build-3"), plugins);
        await engine.Process.WaitForLineAsync(l => l.Contains("was not reloaded, the running version stays") && l.Contains("broken on purpose"), TimeSpan.FromSeconds(60));
        var still = (await engine.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!.GetValue<long>();
        var after = await CounterAsync(engine, c => c["count"]!.GetValue<long>() > still);
        Assert.Equal("2.0.0", Text(after, "version"));
        Assert.StartsWith("v2 ", Text(after, "lastText"));

        await engine.StopAsync();
        Assert.Equal(0, engine.Process.ExitCode);
    }

    [Fact]
    public async Task Chat_sources_are_added_replaced_and_removed_while_live_and_an_unknown_type_is_refused_naming_the_field()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/show")).FullName;
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, plugins);
        var scene = Scene("""{ "sources": [], "stages": [] }""");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("STREAM_ENGINE_PLUGINS", _dir.File("plugins"))));

        Assert.Empty(await engine.Api.GetFromJsonArrayAsync("api/chat/sources"));
        var put = await engine.Api.PutAsync("api/chat/sources/first", RunningEngine.Json("""{ "type": "test.conversation" }"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // No stage configured: messages arrive untagged, and nothing drops the spam.
        await CounterAsync(engine, c => Text(c, "lastText").StartsWith("v1 ") && Tags(c).Count == 0 && c["spamSeen"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.PutAsync("api/chat/sources/first", RunningEngine.Json("""{ "type": "test.conversation", "settings": { "everyMs": 50 } }"""))).StatusCode);
        await engine.Process.WaitForLineAsync(l => l.Contains("Chat source first stopped"), TimeSpan.FromSeconds(10));
        Assert.Equal("Live", Text((await engine.Api.GetFromJsonArrayAsync("api/chat/sources")).Single()!, "state"));

        var unknown = await engine.Api.PutAsync("api/chat/sources/second", RunningEngine.Json("""{ "type": "twitch" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal("type", Text(problem, "field"));
        Assert.Contains("twitch", Text(problem, "detail"));

        // Switching the encoder while live is refused with the reason (a hand-over at a keyframe is not built yet).
        Assert.Equal("ffmpeg", Text(await engine.GetObjectAsync("api/encoder"), "id"));
        var switched = await engine.Api.PutAsync("api/encoder", RunningEngine.Json("""{ "id": "test.frames" }"""));
        Assert.Equal(HttpStatusCode.Conflict, switched.StatusCode);
        Assert.Contains("not supported yet", Text(JsonNode.Parse(await switched.Content.ReadAsStringAsync())!, "detail"));

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(engine, "api/chat/sources/first")).StatusCode);
        Assert.Empty(await engine.Api.GetFromJsonArrayAsync("api/chat/sources"));
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(engine, "api/chat/sources/first")).StatusCode);
    }

    [Fact]
    public async Task A_scene_naming_a_chat_source_type_no_plugin_provides_is_refused_with_exit_2_naming_its_path()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/show")).FullName;
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, plugins);
        var scene = Scene("""{ "sources": [ { "id": "x", "type": "x.replies" } ], "stages": ["moderation"] }""");
        var run = await Engine.RunAsync(["run", "--scene", scene, "--output", _dir.File("show.ts"), "--no-api", "--seconds", "2"],
            ("STREAM_ENGINE_PLUGINS", _dir.File("plugins")));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.chat.sources[0].type", run.AllOutput);
        Assert.Contains("$.chat.stages[0]", run.AllOutput);
    }

    [Fact]
    public async Task An_encoder_plugin_chosen_by_ENCODER_writes_the_live_show_in_its_own_format_taking_audio_through_its_source()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/show")).FullName;
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, plugins);
        var scene = Scene("""{ "sources": [], "stages": [] }""");
        var output = _dir.File("show.frames");
        var run = await Engine.RunAsync(["run", "--scene", scene, "--output", output, "--no-api", "--seconds", "2"],
            ("STREAM_ENGINE_PLUGINS", _dir.File("plugins")), ("ENCODER", "test.frames"));
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var lines = File.ReadAllLines(output);
        Assert.Equal("frames v1 64x36@30 audio 48000/2", lines[0]);
        var frames = lines.Skip(1).Select(l => l.Split(' ')).ToList();
        Assert.True(frames.Count >= 30, $"{frames.Count} frames");
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(f => long.Parse(f[0]))); // every frame, in order
        foreach (var f in frames) // the audio read through the audio source keeps up with the video: silence, timestamped
            Assert.InRange(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) - long.Parse(f[0]) / 30.0, 0, 1024 / 48000.0 + 0.001);

        var unknown = await Engine.RunAsync(["run", "--scene", scene, "--output", output, "--no-api", "--seconds", "2"],
            ("STREAM_ENGINE_PLUGINS", _dir.File("plugins")), ("ENCODER", "nvenc-direct"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'nvenc-direct' is not a loaded encoder; expected one of ffmpeg, test.frames", unknown.AllOutput);
    }

    [Fact]
    public async Task A_scripts_reply_goes_out_through_a_chat_source_that_can_send_and_without_one_the_show_says_so_and_goes_on()
    {
        var plugins = Directory.CreateDirectory(_dir.File("plugins/show")).FullName;
        await ShowPluginBuild.BuildAsync("1.0.0", broken: false, plugins);
        var scene = Scene("""{ "sources": [], "stages": [] }""");
        File.WriteAllText(_dir.File("auctioneer.js"), """every(1, () => reply("SOLD to @mara for $120!"));""");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene,
            Engine.Environment(("STREAM_ENGINE_PLUGINS", _dir.File("plugins"))), "--script", _dir.File("auctioneer.js"));

        // No source can send (as without X credentials): said once in words, and the show goes on.
        await engine.Process.WaitForLineAsync(l => l.Contains("A reply was not sent (1 so far)") && l.Contains("x check"), TimeSpan.FromSeconds(30));
        var frames = (await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>();

        // A source that can send (the fixture's echoes what it sends as a message from "host", as X shows a reply).
        var put = await engine.Api.PutAsync("api/chat/sources/platform", RunningEngine.Json("""{ "type": "test.conversation", "settings": { "everyMs": 600000 } }"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await CounterAsync(engine, c => Text(c, "lastText") == "SOLD to @mara for $120!");
        Assert.True((await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>() > frames);
    }

    private string Scene(string chat)
    {
        var path = _dir.File("scene.json");
        File.WriteAllText(path, $$"""{ "size": "64x36", "fps": 30, "layers": [], "chat": {{chat}} }""");
        return path;
    }

    /// <summary>The counter behaviour's state, once it satisfies <paramref name="ready"/> (the show runs meanwhile).</summary>
    private static async Task<JsonObject> CounterAsync(RunningEngine engine, Func<JsonObject, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject counter;
        do
        {
            counter = await engine.GetObjectAsync("api/behaviours/test.counter/count");
            if (ready(counter)) return counter;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the counter never got there: {counter.ToJsonString()}\n{engine.Process.AllOutput}");
        return counter;
    }

    /// <summary>A DELETE as the API wants every change: declared JSON, here without a body.</summary>
    private static Task<HttpResponseMessage> DeleteAsync(RunningEngine engine, string path) =>
        engine.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = RunningEngine.Json("") });

    private static string Text(JsonNode node, string key) => node[key]?.GetValue<string>() ?? "";

    private static List<string> Tags(JsonNode counter) => [.. (counter["lastTags"] as JsonArray ?? []).Select(t => t!.GetValue<string>())];

    public void Dispose() => _dir.Dispose();
}

internal static class JsonArrayRequests
{
    public static async Task<JsonArray> GetFromJsonArrayAsync(this HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path)) as JsonArray ?? throw new InvalidOperationException($"{path}: expected a JSON array");
}
