using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The chat pipeline plugin in a live show that names no stages (the default order runs): chat posted to the API is
/// analysed, reaches a script's onBid with its amount and raise and the WebSocket ChatMessage event with the analysis;
/// a banned author's messages never arrive and the ban survives a restart; a reaction only updates the counter.
/// And <c>chat classify</c> through the CLI.
/// </summary>
public sealed class ChatPipelineLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("chat-pipeline");

    [Fact]
    public async Task Chat_is_analysed_for_scripts_and_events_bans_persist_and_reactions_are_counted()
    {
        var scene = _dir.File("scene.json");
        File.WriteAllText(scene, """{ "size": "64x36", "fps": 30, "layers": [] }""");
        Directory.CreateDirectory(_dir.File("scripts"));
        File.WriteAllText(_dir.File("scripts/bids.js"), """
            onBid(b => log("onBid", JSON.stringify({ amount: b.amount, raise: b.raise, currency: b.currency, kind: b.kind, confidence: b.confidence, text: b.text })));
            onQuestion(m => log("onQuestion", m.kind, m.text));
            """);
        var environment = Engine.Environment(("WS_PASSWORD", null));
        await using (var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, environment))
        {
            using var events = await ChatEventsAsync(engine);
            await PostAsync(engine, "ana", "I'll do fifty five");
            var bid = await NextChatAsync(events);
            Assert.Equal(("bid", 55m, false), (Text(bid, "kind"), bid["amount"]!.GetValue<decimal>(), bid["raise"]!.GetValue<bool>()));
            Assert.InRange(bid["confidence"]!.GetValue<double>(), 0.5, 1);
            Assert.Equal("bid", Text(bid, "highlight"));
            var said = await engine.Process.WaitForLineAsync(l => l.Contains("onBid") && l.Contains("fifty five"), TimeSpan.FromSeconds(20));
            Assert.Contains("\"amount\":55", said);
            Assert.Contains("\"raise\":false", said);

            await PostAsync(engine, "bob", "+5");
            Assert.Contains("\"raise\":true", await engine.Process.WaitForLineAsync(l => l.Contains("onBid") && l.Contains("\"text\":\"+5\""), TimeSpan.FromSeconds(20)));
            Assert.Equal("bid", Text(await NextChatAsync(events), "kind"));
            await PostAsync(engine, "cy", "lot 50 next please");
            var lookAlike = await NextChatAsync(events);
            Assert.Equal(("other", "lot 50 next please"), (Text(lookAlike, "kind"), Text(lookAlike, "text")));
            await PostAsync(engine, "dee", "is shipping included");
            Assert.Equal("question", Text(await NextChatAsync(events), "kind"));
            await engine.Process.WaitForLineAsync(l => l.Contains("onQuestion question is shipping included"), TimeSpan.FromSeconds(20));

            // A ban from the API: the author's messages are dropped; a bad body names the field.
            var ban = await engine.Api.PostAsync("api/behaviours/chat/bans", RunningEngine.Json("""{ "author": "troll", "reason": "abuse" }"""));
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
            var refused = await engine.Api.PostAsync("api/behaviours/chat/bans", RunningEngine.Json("""{ "author": "x", "seconds": -1 }"""));
            Assert.Equal((HttpStatusCode.BadRequest, "seconds"), (refused.StatusCode, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["field"]!.GetValue<string>()));
            await PostAsync(engine, "troll", "bid 1000000");
            await PostAsync(engine, "eve", "🔥🔥");
            await PostAsync(engine, "fay", "after the troll");
            Assert.Equal("after the troll", Text(await NextChatAsync(events), "text")); // neither the troll's bid nor the reaction took a line
            var reactions = await engine.GetObjectAsync("api/behaviours/chat/reactions");
            Assert.Equal(2, reactions["counts"]!["🔥"]!.GetValue<long>());
            await Task.Delay(1500); // the show's state is saved at a frame boundary after the change
            await engine.StopAsync();
        }

        await using (var again = await RunningEngine.StartSceneAsync(_dir.File("show2.ts"), scene, environment))
        {
            var bans = await again.Api.GetFromJsonArrayAsync("api/behaviours/chat/bans");
            Assert.Equal("troll", Assert.Single(bans)!["author"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(again, "api/behaviours/chat/bans/troll")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(again, "api/behaviours/chat/bans/troll")).StatusCode);
            Assert.Empty(await again.Api.GetFromJsonArrayAsync("api/behaviours/chat/bans"));
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Chat_classify_prints_one_json_object_per_message_through_the_plugin()
    {
        var one = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltEngine, "chat", "classify", "€1.250,50", "--json"], Engine.Environment());
        Assert.Equal(0, one.ExitCode);
        var bid = JsonNode.Parse(Assert.Single(one.Stdout))!;
        Assert.Equal(("bid", 1250.50m, false, "EUR"), (Text(bid, "kind"), bid["amount"]!.GetValue<decimal>(), bid["raise"]!.GetValue<bool>(), Text(bid, "currency")));
        Assert.All(["sentiment", "confidence", "flags"], k => Assert.NotNull(bid[k]));

        File.WriteAllLines(_dir.File("chat.txt"), ["+5", "who bids 50", "what's the reserve", "love it 😍"]);
        var many = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltEngine, "chat", "classify", "--file", _dir.File("chat.txt")], Engine.Environment());
        Assert.Equal(0, many.ExitCode);
        var lines = many.Stdout.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("bid", Text(lines[0], "kind"));
        Assert.NotEqual("bid", Text(lines[1], "kind")); // asked, not bid
        Assert.Equal(["question", "other"], lines.Skip(2).Select(l => Text(l, "kind")));
        Assert.Equal((5m, true), (lines[0]["amount"]!.GetValue<decimal>(), lines[0]["raise"]!.GetValue<bool>()));
        Assert.Null(lines[1]["amount"]);
        Assert.True(lines[3]["sentiment"]!.GetValue<double>() > 0.3);

        var neither = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltEngine, "chat", "classify"], Engine.Environment());
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains(neither.Stderr, l => l.Contains("--file FILE"));
    }

    private static async Task PostAsync(RunningEngine engine, string author, string text)
    {
        var posted = await engine.Api.PostAsync("api/chat", RunningEngine.Json(new JsonObject { ["author"] = author, ["text"] = text }.ToJsonString()));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }

    /// <summary>A DELETE as the front door wants a change: declared JSON (with no body).</summary>
    private static Task<HttpResponseMessage> DeleteAsync(RunningEngine engine, string path) =>
        engine.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = RunningEngine.Json("") });

    internal static async Task<ClientWebSocket> ChatEventsAsync(RunningEngine engine)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/"), CancellationToken.None);
        await WebSocketTests.ReceiveAsync(socket); // Hello
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{ "op": 1, "d": { "rpcVersion": 1, "eventSubscriptions": 16 } }"""), WebSocketMessageType.Text, true, CancellationToken.None);
        await WebSocketTests.ReceiveAsync(socket); // Identified
        return socket;
    }

    internal static async Task<JsonNode> NextChatAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var evt = await WebSocketTests.ReceiveAsync(socket);
            if (evt["d"]?["eventType"]?.GetValue<string>() == "ChatMessage") return evt["d"]!["eventData"]!;
        }
    }

    private static string Text(JsonNode node, string key) => node[key]?.GetValue<string>() ?? "";

    public void Dispose() => _dir.Dispose();
}
