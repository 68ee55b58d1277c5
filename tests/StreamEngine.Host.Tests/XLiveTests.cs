using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.Plugins.X.Tests;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The X integration's "done when", end to end: a live engine with the four <c>TWITTER_*</c> variables, pointed at the
/// fake X API (<c>TWITTER_API_BASE_URL</c>), reads the broadcast post's replies as chat, shows them in the chat column,
/// the auctioneer takes the bid in one, and the sale goes back to X as a reply, within X's rate windows; the budget X
/// names is on /metrics. Without credentials the engine says in one line what is missing and the show runs.
/// </summary>
public sealed class XLiveTests : IDisposable
{
    private const string Broadcast = "1999"; // the broadcast's post: its replies are the show's chat
    private const string Lots = """{ "startDelay": 0, "lots": [ { "id": "vase", "title": "Blue Vase", "opening": 20, "duration": 300 } ] }""";
    private static readonly string[] Secrets = ["fake-consumer-secret", "1-fake-token", "fake-token-secret", "fake-consumer-key"];
    private readonly TempDirectory _dir = new("x-live");

    private string Scene(bool withX)
    {
        var path = AuctionShow.Create(_dir, withX ? "with-x" : "without-x", Lots);
        var scene = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        scene["layers"]!.AsArray().Single(l => (string)l!["id"]! == "chat")!["props"]!["card"] = "#ffd166"; // opaque cards: a pixel tells
        if (withX)
            scene["chat"] = JsonNode.Parse($$"""{ "sources": [ { "id": "x", "type": "x", "settings": { "conversationId": "{{Broadcast}}", "pollSeconds": 5 } } ] }""");
        File.WriteAllText(path, scene.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Replies_to_the_broadcast_are_chat_a_bid_is_taken_and_the_sale_is_posted_back_within_the_rate_limits()
    {
        await using var x = await FakeX.StartAsync(TimeProvider.System);
        var env = Engine.Environment(("TWITTER_API_KEY", Secrets[3]), ("TWITTER_API_SECRET", Secrets[0]), ("TWITTER_ACCESS_TOKEN", Secrets[1]),
            ("TWITTER_ACCESS_TOKEN_SECRET", Secrets[2]), ("TWITTER_API_BASE_URL", x.BaseUrl.ToString()));
        var recording = _dir.File("x.ts");
        await using var engine = await RunningEngine.StartSceneAtSizeAsync(recording, Scene(withX: true), env, "640x360");
        await AuctionShow.StateAsync(engine);
        var source = await SourceAsync(engine, s => s["state"]!.GetValue<string>() == "Live");
        Assert.True(source["canSend"]!.GetValue<bool>(), source.ToJsonString());

        x.Seed("$25 for the vase!", "7", Broadcast);
        var current = await CurrentLotAsync(engine, c => c["leader"] is not null);
        Assert.Equal((25m, 1), (current["price"]!.GetValue<decimal>(), current["bids"]!.GetValue<int>()));
        Assert.Contains("user7", current["leader"]!.GetValue<string>());

        var hammer = await engine.Api.PostAsync("api/behaviours/auctioneer/hammer", RunningEngine.Json("{}"));
        Assert.True(hammer.IsSuccessStatusCode, await hammer.Content.ReadAsStringAsync());
        // The sale line (its wording varies: "SOLD to @user7 for $25!", "And sold! @user7 takes …") names the winner and price.
        var sold = await PostedAsync(x, p => ((string)p["text"]!).Contains("@user7"));
        Assert.Contains("$25", (string)sold["text"]!);
        Assert.Equal(Broadcast, (string)sold["referenced_tweets"]![0]!["id"]!); // a reply to the broadcast's post
        Assert.Equal(0, x.Refused429);
        Assert.Equal(0, x.BadSignatures);

        // What X last said is left of each window is on /metrics, per endpoint.
        using var http = new HttpClient();
        var metrics = "";
        for (var i = 0; i < 50 && !metrics.Contains("endpoint=\"POST /2/tweets\""); i++, await Task.Delay(200)) metrics = await http.GetStringAsync(engine.Metrics);
        var search = Gauge(metrics, "streamengine_chat_source_rate_remaining{source=\"x\",endpoint=\"GET /2/tweets/search/recent\"}");
        Assert.InRange(search, 0, x.Limit - 1);
        Assert.Equal(x.Limit, Gauge(metrics, "streamengine_chat_source_rate_limit{source=\"x\",endpoint=\"GET /2/tweets/search/recent\"}"));
        Assert.InRange(Gauge(metrics, "streamengine_chat_source_rate_remaining{source=\"x\",endpoint=\"POST /2/tweets\"}"), 0, x.Limit - 1);
        var sources = await engine.Api.GetStringAsync("api/chat/sources");
        Assert.Contains("GET /2/tweets/search/recent", sources);

        await engine.StopAsync();
        var frames = (await Media.ProbeAsync(recording)).Frames;
        var first = await Media.DecodeFrameAsync(recording, 0, 640, 360);
        var last = await Media.DecodeFrameAsync(recording, frames - 1, 640, 360);
        await Media.ExtractPngAsync(recording, frames - 1, _dir.File("last.png"));
        Assert.False(HasCard(first, out var before), $"the chat column starts empty, got {before}");
        Assert.True(HasCard(last, out var after), $"the reply from X should be a card in the chat column, got {after}");
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, engine.Process.AllOutput + metrics + sources);
    }

    [Fact]
    public async Task Without_credentials_the_engine_says_in_one_line_what_is_missing_and_the_show_runs()
    {
        var env = Engine.Environment(("TWITTER_API_KEY", ""), ("TWITTER_API_SECRET", ""), ("TWITTER_ACCESS_TOKEN", ""), ("TWITTER_ACCESS_TOKEN_SECRET", ""),
            ("TWITTER_BEARER_TOKEN", ""));
        await using var engine = await RunningEngine.StartSceneAtSizeAsync(_dir.File("none.ts"), Scene(withX: false), env, "640x360");
        await AuctionShow.StateAsync(engine);
        var posted = await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "ana", "text": "$25" }"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var current = await CurrentLotAsync(engine, c => c["leader"] is not null);
        Assert.Equal("ana", current["leader"]!.GetValue<string>());
        var lines = engine.Process.AllOutput.Split('\n').Where(l => l.Contains("X is off")).ToList();
        Assert.Single(lines);
        Assert.Contains("TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET are not set", lines[0]);
        Assert.Contains("the show runs without X", lines[0]);
    }

    /// <summary>A chat card's colour somewhere in the lower part of the chat column (x 400-630, y 70-350).</summary>
    private static bool HasCard(DecodedFrame frame, out string seen)
    {
        seen = "";
        for (var y = 340; y >= 200; y -= 10)
            for (var x = 420; x <= 610; x += 30)
                if (frame.IsNear(x, y, "#ffd166", 40, out var at)) { seen = $"{at} at {x},{y}"; return true; }
                else if (seen.Length == 0) seen = $"{at} at {x},{y}";
        return false;
    }

    private static double Gauge(string metrics, string series) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException($"{series} is not on /metrics:\n{string.Join('\n', metrics.Split('\n').Where(l => l.Contains("chat_source")))}");

    private static async Task<JsonObject> SourceAsync(RunningEngine engine, Func<JsonObject, bool> ready)
    {
        JsonArray sources = [];
        for (var i = 0; i < 150; i++, await Task.Delay(200))
            if ((sources = JsonNode.Parse(await engine.Api.GetStringAsync("api/chat/sources"))!.AsArray()).OfType<JsonObject>().FirstOrDefault(s => (string)s["id"]! == "x") is { } s && ready(s))
                return s;
        throw new TimeoutException($"the x chat source did not get there: {sources.ToJsonString()}\n{engine.Process.AllOutput}");
    }

    private static async Task<JsonObject> CurrentLotAsync(RunningEngine engine, Func<JsonObject, bool> ready)
    {
        JsonObject current = [];
        for (var i = 0; i < 150; i++, await Task.Delay(200))
            if ((current = (await engine.GetObjectAsync("api/behaviours/auctioneer/state"))["current"]!.AsObject()) is var c && ready(c)) return c;
        throw new TimeoutException($"the lot did not get there: {current.ToJsonString()}\n{engine.Process.AllOutput}");
    }

    private static async Task<JsonObject> PostedAsync(FakeX x, Func<JsonObject, bool> match)
    {
        for (var i = 0; i < 150; i++, await Task.Delay(200))
            lock (x.Posts)
                if (x.Posts.FirstOrDefault(p => (string?)p["author_id"] == FakeX.MeId && match(p)) is { } post) return post;
        lock (x.Posts) throw new TimeoutException("X got no such post: " + string.Join(" | ", x.Posts.Select(p => p.ToJsonString())));
    }

    public void Dispose() => _dir.Dispose();
}
