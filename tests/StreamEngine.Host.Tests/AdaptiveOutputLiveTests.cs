using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// An adaptive RTMP output added over the API, behind a throttling relay in front of nginx-rtmp: the producer sees it
/// step down (WebSocket event, GET /api/outputs, /metrics) while nginx keeps receiving, and step back up after.
/// </summary>
public sealed class AdaptiveOutputLiveTests(ITestOutputHelper log) : IDisposable
{
    private const string Password = "abr-pass-5521";
    private readonly TempDirectory _dir = new("adaptive");
    private readonly NginxRtmpServer _server = new(record: true);

    [Fact]
    public async Task A_throttled_link_steps_the_output_down_over_the_same_connection_and_it_steps_back_up_when_the_link_recovers()
    {
        using var relay = new ThrottledRelay(_server.Port);
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "hello",
            ("ADAPT_DOWN_AFTER", "2"), ("ADAPT_UP_AFTER", "4"), ("WS_PASSWORD", Password));

        foreach (var (body, field) in new (string, string)[]
        {
            ("""{"target": "a.ts", "rendition": {"width": 320, "height": 180, "adaptive": true}}""", "rendition.adaptive"),
            ($$$"""{"target": "{{{relay.Url("live", "x")}}}", "rendition": {"width": 320, "height": 180, "adaptive": "yes"}}""", "rendition.adaptive"),
            ($$$"""{"target": "{{{relay.Url("live", "x")}}}", "rendition": {"width": 320, "height": 180, "videoBitrateKbps": 800, "adaptive": true, "minVideoBitrateKbps": 900}}""", "rendition.minVideoBitrateKbps"),
            ($$$"""{"target": "{{{relay.Url("live", "x")}}}", "rendition": {"width": 320, "height": 180, "minVideoBitrateKbps": 300}}""", "rendition.minVideoBitrateKbps"),
        })
        {
            var refused = await engine.Api.PostAsync("api/outputs", RunningEngine.Json(body));
            var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync());
            Assert.True((int)refused.StatusCode == 400 && problem?["field"]?.GetValue<string>() == field, $"{body}: {(int)refused.StatusCode} {problem}");
        }

        using var events = await WebSocketTests.IdentifyAsync(new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/"), Password, subscriptions: 2);
        var created = await engine.Api.PostAsync("api/outputs", RunningEngine.Json($$$"""
            {"target": "{{{relay.Url("live", "abr")}}}", "rendition": {"width": 320, "height": 180, "videoBitrateKbps": 1000, "adaptive": true}}
            """));
        Assert.Equal(201, (int)created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await NextEventAsync(events, e => e["eventType"]?.GetValue<string>() == "OutputHealth" && (string?)e["eventData"]!["outputId"] == id
            && (string?)e["eventData"]!["state"] == "Live", "the output to go live");
        Assert.Equal(1000, (int)(await OutputAsync(engine, id))["videoBitrateKbps"]!);

        relay.BitsPerSecond = 600_000;
        var down = await NextEventAsync(events, e => e["eventType"]?.GetValue<string>() == "OutputBitrateChanged", "a step down");
        log.WriteLine(down.ToJsonString());
        Assert.Equal(("down", 1000, id), ((string?)down["direction"], (int)down["fromKbps"]!, (string?)down["outputId"]));
        Assert.Contains("the link is not keeping up", (string?)down["reason"]);
        var stepped = (int)down["videoBitrateKbps"]!;
        Assert.True(stepped < 1000);
        var output = await OutputAsync(engine, id);
        Assert.True((int)output["videoBitrateKbps"]! < 1000 && (string?)output["state"] == "Live", $"{output}");
        Assert.Contains($"streamengine_output_video_bitrate_kbps{{output=\"{id}\"}}", await new HttpClient().GetStringAsync(engine.Metrics));

        var relayed = relay.BytesRelayed;
        await NextEventAsync(events, _ => relay.BytesRelayed > relayed + 100_000, "nginx to keep receiving after the step");

        relay.BitsPerSecond = 0;
        var up = await NextEventAsync(events, e => e["eventType"]?.GetValue<string>() == "OutputBitrateChanged" && (int)e["eventData"]!["videoBitrateKbps"]! == 1000,
            "the step back up to 1000 kbit/s");
        Assert.Equal("up", (string?)up["direction"]);
        output = await OutputAsync(engine, id);
        Assert.True((int)output["videoBitrateKbps"]! == 1000 && (string?)output["state"] == "Live" && (int)output["reconnects"]! == 0, $"{output}");

        await engine.StopAsync();
        var received = await Media.ProbeAsync(Path.Combine(_server.RecordingsDirectory, "abr.flv"));
        Assert.Equal((320, 180), (received.Width, received.Height));
    }

    private static async Task<JsonObject> OutputAsync(RunningEngine engine, string id) =>
        (JsonObject)(await engine.Api.GetFromJsonAsync<JsonArray>("api/outputs"))!.Single(o => (string?)o!["id"] == id)!;

    /// <summary>Reads events (OutputHealth comes once a second) until one matches; its data.</summary>
    private static async Task<JsonObject> NextEventAsync(ClientWebSocket socket, Func<JsonObject, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var message = await WebSocketTests.ReceiveAsync(socket);
            if (message["d"] is JsonObject d && d["eventType"] is not null && match(d)) return (JsonObject)d["eventData"]!;
        }
        throw new TimeoutException($"no event within 60 s: {what}");
    }

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }
}
