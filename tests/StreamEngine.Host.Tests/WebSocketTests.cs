using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The WebSocket protocol of a live engine, spoken by an independent client, and the load test command against it.</summary>
public sealed class WebSocketTests : IDisposable
{
    private readonly TempDirectory _dir = new("websocket");

    [Fact]
    public async Task A_client_authenticates_changes_a_layer_and_another_client_gets_the_event()
    {
        const string password = "ws-pass-3390";
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), env: ("WS_PASSWORD", password));
        var url = new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/");
        using var watcher = await IdentifyAsync(url, password, subscriptions: 1); // layer events
        using var panel = await IdentifyAsync(url, password, subscriptions: 0);

        await SendAsync(panel, new JsonObject { ["op"] = 6, ["d"] = new JsonObject {
            ["requestType"] = "SetLayer", ["requestId"] = "r1",
            ["requestData"] = new JsonObject { ["layerId"] = "bid", ["patch"] = new JsonObject { ["props"] = new JsonObject { ["text"] = "Going twice" } } } } });
        var response = await ReceiveAsync(panel);
        Assert.Equal(7, response["op"]!.GetValue<int>());
        Assert.Equal("r1", response["d"]!["requestId"]!.GetValue<string>());
        Assert.Equal(100, response["d"]!["requestStatus"]!["code"]!.GetValue<int>());

        JsonNode evt;
        do evt = await ReceiveAsync(watcher); while (evt["d"]?["eventType"]?.GetValue<string>() != "LayerChanged");
        Assert.Equal("Going twice", evt["d"]!["eventData"]!["layer"]!["props"]!["text"]!.GetValue<string>());

        using var chatWatcher = await IdentifyAsync(url, password, subscriptions: 16); // chat events
        var chat = await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "@alice", "text": "bid 3 ETH" }"""));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, chat.StatusCode);
        var message = await ReceiveAsync(chatWatcher);
        Assert.Equal("ChatMessage", message["d"]!["eventType"]!.GetValue<string>());
        Assert.Equal("bid 3 ETH", message["d"]!["eventData"]!["text"]!.GetValue<string>());

        using var intruder = new ClientWebSocket();
        await intruder.ConnectAsync(url, CancellationToken.None);
        await ReceiveAsync(intruder); // Hello
        await SendAsync(intruder, new JsonObject { ["op"] = 1, ["d"] = new JsonObject { ["rpcVersion"] = 1, ["authentication"] = "wrong" } });
        var closed = await intruder.ReceiveAsync(new byte[1024], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Equal(4009, (int)intruder.CloseStatus!);
        Assert.DoesNotContain(password, engine.Process.AllOutput);
    }

    [Fact]
    public async Task The_load_test_loses_no_request_and_every_client_gets_events()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("load.ts"));

        var load = await ProcessRunner.RunAsync("dotnet", [RepoPaths.BuiltEngine, "loadtest", "--clients", "20", "--rate", "20", "--seconds", "4"], engine.Environment);

        Assert.True(load.ExitCode == 0, load.AllOutput);
        var result = JsonNode.Parse(load.Stdout.Last())!;
        Assert.Equal(0, result["requests_lost"]!.GetValue<long>());
        Assert.Equal(result["requests_sent"]!.GetValue<long>(), result["requests_ok"]!.GetValue<long>());
        Assert.True(result["events_per_client_min"]!.GetValue<long>() >= result["requests_sent"]!.GetValue<long>(),
            $"every client should get a LayerChanged event per patch: {result}");
    }

    internal static async Task<ClientWebSocket> IdentifyAsync(Uri url, string password, int subscriptions)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);
        var hello = await ReceiveAsync(socket);
        var auth = hello["d"]!["authentication"]!;
        // Computed here independently of the engine: base64(sha256(base64(sha256(password + salt)) + challenge)).
        var secret = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password + auth["salt"]!.GetValue<string>())));
        var answer = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret + auth["challenge"]!.GetValue<string>())));
        await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = new JsonObject { ["rpcVersion"] = 1, ["authentication"] = answer, ["eventSubscriptions"] = subscriptions } });
        Assert.Equal(2, (await ReceiveAsync(socket))["op"]!.GetValue<int>());
        return socket;
    }

    internal static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    internal static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }

    public void Dispose() => _dir.Dispose();
}
