using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Chat source plugins through the real CLI: a Twitch channel configured in the scene's chat section reaches the show's
/// scripts; a message deleted on the platform or with DELETE /api/chat/{id} leaves the show; the source's state and
/// message count are metrics; bad settings over the API are refused naming the field and leave the running source.
/// The simulated audience renders the same frames byte for byte from the same seed.
/// </summary>
public sealed class ChatSourcesLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("chat-sources-live");

    [Fact]
    public async Task A_twitch_channel_in_the_scene_reaches_the_show_and_deleted_messages_leave_it()
    {
        using var twitch = new TwitchFake();
        var scene = Scene($$"""{ "sources": [ { "id": "twitch", "type": "twitch", "settings": { "channel": "show", "url": "irc://127.0.0.1:{{twitch.Port}}" } } ] }""");
        File.WriteAllText(_dir.File("scripts/chat.js"), """onChat(m => log("chat", m.source, m.author, m.text));""");
        // The script only logs; a generous budget keeps a cold, busy machine from disabling it (not what this test is about).
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("SCRIPT_TIMEOUT_MS", "5000")));
        await twitch.AcceptAsync();
        await twitch.LogInAsync("#show");
        await twitch.SendAsync("@display-name=Ana;id=m-1;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :2.5 ETH");
        await twitch.SendAsync("@display-name=Bo;id=m-2;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :what's the reserve?");
        await engine.Process.WaitForLineAsync(l => l.Contains("[chat.js] chat twitch Bo what's the reserve?"), TimeSpan.FromSeconds(30));
        Assert.Contains(engine.Process.Stderr, l => l.Contains("[chat.js] chat twitch Ana 2.5 ETH"));

        // Deleted over the API: 204, then it is gone (404 with a problem naming the id); deleted on Twitch: gone too.
        Assert.Equal(HttpStatusCode.NoContent, (await Delete(engine, "api/chat/m-2")).StatusCode);
        await Until(async () => (await Delete(engine, "api/chat/m-2")).StatusCode == HttpStatusCode.NotFound, "m-2 gone");
        var missing = await Delete(engine, "api/chat/never-was");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("id", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        await twitch.SendAsync("@login=ana;target-msg-id=m-1 :tmi.twitch.tv CLEARMSG #show :2.5 ETH");
        await Until(async () => (await Delete(engine, "api/chat/m-1")).StatusCode == HttpStatusCode.NotFound, "m-1 removed by Twitch");

        // State and counts as metrics; the API lists the source live.
        using var http = new HttpClient();
        await Until(async () =>
        {
            var metrics = await http.GetStringAsync(engine.Metrics);
            return metrics.Contains("streamengine_chat_source_state{source=\"twitch\"} 1") && metrics.Contains("streamengine_chat_source_messages_total{source=\"twitch\"} 2");
        }, "the source's metrics");
        var listed = (await engine.Api.GetFromJsonArrayAsync("api/chat/sources")).Single()!;
        Assert.Equal(("twitch", "Live", 2L), (listed["id"]!.GetValue<string>(), listed["state"]!.GetValue<string>(), listed["messages"]!.GetValue<long>()));

        // Bad settings over the API: refused naming the field, and the running source is untouched.
        var refused = await engine.Api.PutAsync("api/chat/sources/twitch", RunningEngine.Json("""{ "type": "twitch", "settings": { "channel": "#a b" } }"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("settings", problem["field"]!.GetValue<string>());
        Assert.Contains("settings.channel: expected '#'", problem["detail"]!.GetValue<string>());
        await twitch.SendAsync("@display-name=Cy;id=m-3;user-id=333 :cy!cy@cy.tmi.twitch.tv PRIVMSG #show :still here");
        await engine.Process.WaitForLineAsync(l => l.Contains("[chat.js] chat twitch Cy still here"), TimeSpan.FromSeconds(30));
        await engine.StopAsync();
        Assert.Equal(0, engine.Process.ExitCode);
    }

    [Fact]
    public async Task The_simulated_audience_renders_the_same_frames_from_the_same_seed()
    {
        var scene = Scene("""{ }""", """[ { "id": "chat", "type": "chat", "transform": { "x": 0, "y": 0, "width": 0, "height": 0 }, "props": { "column": "fill", "enter": 0.1 } } ]""");
        File.WriteAllText(_dir.File("audience.json"), """{ "seed": 11, "rate": 40, "floods": { "every": 2, "seconds": 0.5, "rate": 300 } }""");
        File.WriteAllText(_dir.File("other.json"), """{ "seed": 12, "rate": 40, "floods": { "every": 2, "seconds": 0.5, "rate": 300 } }""");
        async Task<byte[]> RenderAsync(string audience, string name)
        {
            var run = await Engine.RunAsync(["render", "--scene", scene, "--frames", "75", "--size", "320x180", "--audience", _dir.File(audience), "--out", _dir.File(name)]);
            Assert.True(run.ExitCode == 0, run.AllOutput);
            return File.ReadAllBytes(_dir.File(name));
        }
        var first = await RenderAsync("audience.json", "a.raw");
        var again = await RenderAsync("audience.json", "b.raw");
        var other = await RenderAsync("other.json", "c.raw");
        Assert.Equal(320 * 180 * 4 * 75, first.Length);
        Assert.True(first.AsSpan().SequenceEqual(again), "two renders with the same seed should be byte-identical");
        Assert.False(first.AsSpan().SequenceEqual(other), "another seed should say other things");
        var bad = await Engine.RunAsync(["render", "--scene", scene, "--frames", "1", "--audience", _dir.File("bad.json"), "--out", _dir.File("d.raw")]);
        Assert.Equal(2, bad.ExitCode);
        File.WriteAllText(_dir.File("bad.json"), """{ "rate": 5000 }""");
        bad = await Engine.RunAsync(["render", "--scene", scene, "--frames", "1", "--audience", _dir.File("bad.json"), "--out", _dir.File("d.raw")]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("settings.rate: expected a number from 1 to 500", bad.AllOutput);
    }

    private string Scene(string chat, string layers = "[]")
    {
        Directory.CreateDirectory(_dir.File("scripts"));
        var path = _dir.File("scene.json");
        File.WriteAllText(path, $$"""{ "size": "64x36", "fps": 30, "layers": {{layers}}, "chat": {{chat}} }""");
        return path;
    }

    /// <summary>A DELETE as a browser-safe client sends it: changing requests say they are JSON.</summary>
    private static Task<HttpResponseMessage> Delete(RunningEngine engine, string path) =>
        engine.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = RunningEngine.Json("{}") });

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what}: not within 30 s");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _dir.Dispose();
}
