using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The show's state in a real Redis: restored after a SIGKILL, and an outage never stops the stream.</summary>
public sealed class RedisRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new("redis-recovery");
    private readonly RedisServer _redis = RedisServer.WithPassword("redis-pass-5521");

    private Dictionary<string, string?> Environment() =>
        Engine.Environment(("REDIS_URL", _redis.Url), ("REDIS_PASSWORD", _redis.Password));

    [Fact]
    public async Task After_a_SIGKILL_the_scene_comes_back_from_redis()
    {
        var env = Environment();
        await using (var first = await RunningEngine.StartAsync(_dir.File("a.ts"), env: [.. env.Select(e => (e.Key, e.Value))]))
        {
            Assert.Contains(first.Process.Stderr, l => l.Contains("redis://127.0.0.1"));
            var patched = await first.Api.PatchAsync("api/layers/bid", RunningEngine.Json("""{ "props": { "text": "Current bid  9.9 ETH" } }"""));
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var timeline = await first.Api.PostAsync("api/animations", RunningEngine.Json("""
                { "id": "sway", "kind": "tween", "target": "artwork", "property": "rotation", "from": -2, "to": 2, "duration": 3, "repeat": -1, "pingPong": true }
                """));
            Assert.Equal(HttpStatusCode.Created, timeline.StatusCode);
            first.Process.Signal(ProcessRunner.SigKill);
            await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        await using var second = await RunningEngine.StartAsync(_dir.File("b.ts"), env: [.. env.Select(e => (e.Key, e.Value))]);
        var bid = await second.GetObjectAsync("api/layers/bid");
        Assert.Equal("Current bid  9.9 ETH", bid["props"]!["text"]!.GetValue<string>());
        var animations = JsonNode.Parse(await second.Api.GetStringAsync("api/animations"))!.AsArray();
        Assert.Contains(animations, a => a!["id"]!.GetValue<string>() == "sway");
        Assert.DoesNotContain(_redis.Password!, second.Process.AllOutput);
    }

    [Fact]
    public async Task With_redis_down_the_stream_goes_on_health_says_degraded_and_the_state_catches_up()
    {
        var env = Environment();
        await using var engine = await RunningEngine.StartAsync(_dir.File("c.ts"), env: [.. env.Select(e => (e.Key, e.Value))]);
        using var http = new HttpClient();

        _redis.Stop();
        // The change is on screen but not in the store: the answer says so instead of acknowledging it as saved.
        var patched = await engine.Api.PatchAsync("api/layers/bid", RunningEngine.Json("""{ "props": { "text": "Current bid  4.2 ETH" } }"""));
        Assert.Equal(HttpStatusCode.Accepted, patched.StatusCode);
        var answer = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        Assert.Equal("applied, not yet saved", answer["status"]!.GetValue<string>());
        Assert.False(answer["saved"]!.GetValue<bool>());
        Assert.Contains("state store is unavailable", answer["detail"]!.GetValue<string>());
        Assert.Equal("Current bid  4.2 ETH", answer["result"]!["props"]!["text"]!.GetValue<string>());
        var overWebSocket = await SetLayerOverWebSocketAsync(engine, """{ "layerId": "bid", "patch": { "visible": true } }""");
        Assert.Equal(101, overWebSocket["requestStatus"]!["code"]!.GetValue<int>());
        Assert.True(overWebSocket["requestStatus"]!["result"]!.GetValue<bool>());
        Assert.StartsWith("Applied, not yet saved", overWebSocket["requestStatus"]!["comment"]!.GetValue<string>());
        var degraded = await Poll(async () => (await http.GetStringAsync(engine.Health + "/ready")).Contains("degraded"), TimeSpan.FromSeconds(30));
        Assert.True(degraded, "health/ready should report degraded while Redis is down");
        var before = (await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>();
        await Task.Delay(1500);
        Assert.True((await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>() > before + 20, "frames should keep coming while Redis is down");

        _redis.Start();
        var healthy = await Poll(async () => !(await http.GetStringAsync(engine.Health + "/ready")).Contains("degraded"), TimeSpan.FromSeconds(60));
        Assert.True(healthy, "health/ready should recover once Redis is back");
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.PatchAsync("api/layers/bid", RunningEngine.Json("""{ "visible": true }"""))).StatusCode);
        Assert.Equal(100, (await SetLayerOverWebSocketAsync(engine, """{ "layerId": "bid", "patch": { "visible": true } }"""))["requestStatus"]!["code"]!.GetValue<int>());

        engine.Process.Signal(ProcessRunner.SigKill);
        await engine.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await using var restarted = await RunningEngine.StartAsync(_dir.File("d.ts"), env: [.. env.Select(e => (e.Key, e.Value))]);
        Assert.Equal("Current bid  4.2 ETH", (await restarted.GetObjectAsync("api/layers/bid"))["props"]!["text"]!.GetValue<string>());
    }

    /// <summary>One SetLayer over the engine's WebSocket (no password: this machine may change the show); returns the response's d.</summary>
    private static async Task<JsonNode> SetLayerOverWebSocketAsync(RunningEngine engine, string requestData)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/"), timeout.Token);
        await WebSocketTests.ReceiveAsync(socket); // Hello
        await WebSocketTests.SendAsync(socket, JsonNode.Parse("""{ "op": 1, "d": { "rpcVersion": 1, "eventSubscriptions": 0 } }""")!.AsObject());
        await WebSocketTests.ReceiveAsync(socket); // Identified
        await WebSocketTests.SendAsync(socket, JsonNode.Parse($$"""{ "op": 6, "d": { "requestType": "SetLayer", "requestId": "r1", "requestData": {{requestData}} } }""")!.AsObject());
        return (await WebSocketTests.ReceiveAsync(socket))["d"]!;
    }

    private static async Task<bool> Poll(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }

    public void Dispose()
    {
        _redis.Dispose();
        _dir.Dispose();
    }
}
