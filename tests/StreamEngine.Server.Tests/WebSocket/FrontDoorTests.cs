using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>What a browser, a big batch or a flooding client meets at the WebSocket's door.</summary>
public sealed class FrontDoorTests
{
    private static async Task<HttpStatusCode> UpgradeStatusAsync(Uri uri, string? origin = null, string? host = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        if (host is not null) socket.Options.SetRequestHeader("Host", host);
        try { await socket.ConnectAsync(uri, CancellationToken.None); }
        catch (WebSocketException) { }
        return socket.HttpStatusCode;
    }

    [Fact]
    public async Task A_page_from_another_site_gets_403_and_a_rebound_host_421()
    {
        await using var server = await ProtocolServer.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeStatusAsync(server.Uri, origin: "https://evil.example"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await UpgradeStatusAsync(server.Uri, host: $"evil.example:{server.Uri.Port}"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(server.Uri, origin: $"http://127.0.0.1:{server.Uri.Port}"));
        Assert.Contains(server.Logs.Lines, l => l.Contains("Origin 'https://evil.example' may not change the show"));
    }

    [Fact]
    public async Task The_engines_other_ports_and_listed_origins_may_connect()
    {
        var options = new ShowWebSocketOptions { Browsers = new BrowserPolicy(allowedOrigins: ["https://studio.example"], enginePorts: [4200]) };
        await using var server = await ProtocolServer.StartAsync(options);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(server.Uri, origin: "http://localhost:4200"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(server.Uri, origin: "https://studio.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeStatusAsync(server.Uri, origin: "http://localhost:3000"));
    }

    [Fact]
    public async Task A_batch_with_more_requests_than_allowed_closes_with_4005_and_runs_nothing()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { MaxBatchRequests = 3, RequestBurst = 10 });
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch([.. Enumerable.Range(0, 4).Select(i => Create($"layer{i}"))]));

        Assert.Equal(4005, await client.ReceiveCloseAsync());
        Assert.Contains("at most 3 requests", client.CloseReason);
        Assert.Null(server.Show.Layer("layer0"));
    }

    [Fact]
    public async Task A_batch_that_sleeps_longer_than_allowed_in_all_closes_with_4005_and_runs_nothing()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { MaxBatchSleepMillis = 1000 });
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch([Create("first"), Sleep(600), Sleep(600)]));

        Assert.Equal(4005, await client.ReceiveCloseAsync());
        Assert.Contains("1000 ms in all", client.CloseReason);
        Assert.Null(server.Show.Layer("first"));
    }

    [Fact]
    public async Task Requests_over_the_rate_are_answered_209_and_not_run()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { RequestsPerSecond = 0.1, RequestBurst = 100, MaxBatchRequests = 100 });
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch([.. Enumerable.Range(0, 100).Select(i => Request("GetLayerList"))]));
        Assert.All((await client.NextAsync(9))["results"]!.AsArray(), r => Assert.Equal(100, (int)r!["requestStatus"]!["code"]!));
        var refused = await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = "late", ["type"] = "overlay.text" } });

        Assert.Equal(209, (int)refused["requestStatus"]!["code"]!);
        Assert.False((bool)refused["requestStatus"]!["result"]!);
        Assert.Contains("at most 0.1 a second", (string)refused["requestStatus"]!["comment"]!);
        Assert.Null(server.Show.Layer("late"));
    }

    private static JsonObject Request(string type, JsonObject? data = null) =>
        new() { ["requestType"] = type, ["requestData"] = data ?? [] };

    private static JsonObject Create(string id) =>
        Request("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = id, ["type"] = "overlay.text" } });

    private static JsonObject Sleep(int millis) => Request("Sleep", new JsonObject { ["sleepMillis"] = millis });

    private static JsonObject Batch(JsonArray requests) =>
        new() { ["op"] = 8, ["d"] = new JsonObject { ["requestId"] = "batch", ["requests"] = requests } };
}
