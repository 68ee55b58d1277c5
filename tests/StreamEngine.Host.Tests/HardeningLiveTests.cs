using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Rows of issue 12's table against a live engine: hostile or absurd input is refused or bounded, and the frame
/// counter keeps rising and the recording keeps its frames whatever was sent.
/// </summary>
public sealed class HardeningLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("hardening");

    private static async Task<long> FramesAsync(RunningEngine engine) => (await engine.GetObjectAsync("api/stats"))["frames"]!.GetValue<long>();

    /// <summary>Waits until the engine has rendered <paramref name="more"/> frames beyond <paramref name="from"/>; fails if it stalls.</summary>
    private static async Task<long> FramesRiseAsync(RunningEngine engine, long from, long more)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var frames = await FramesAsync(engine);
            if (frames >= from + more) return frames;
            Assert.True(DateTime.UtcNow < deadline, $"the frame counter stalled at {frames} (from {from})");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_shape_of_1e9_by_1e9_is_refused_naming_the_field_and_the_stream_goes_on()
    {
        var recording = _dir.File("huge.ts");
        await using var engine = await RunningEngine.StartAsync(recording);
        var before = await FramesRiseAsync(engine, 0, 10);

        var posted = await engine.Api.PostAsync("api/layers", RunningEngine.Json("""
            { "id": "huge", "type": "shape", "transform": { "width": 1e9, "height": 1e9 }, "props": { "fill": "#ff0000" } }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var problem = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        Assert.Equal("transform.width", problem["field"]!.GetValue<string>());
        Assert.Contains("from 0 to 2560", problem["detail"]!.GetValue<string>()); // twice the scene's 1280 px
        // An animation may not get there either: it is clamped to the largest box.
        var grow = await engine.Api.PostAsync("api/animations", RunningEngine.Json("""
            { "kind": "tween", "target": "bid", "property": "width", "from": 10, "to": 1e9, "duration": 0.2 }
            """));
        Assert.Equal(HttpStatusCode.Created, grow.StatusCode);
        var after = await FramesRiseAsync(engine, before, 45);
        Assert.Equal(2560, (await engine.GetObjectAsync("api/layers/bid"))["transform"]!["width"]!.GetValue<double>());
        var stats = await engine.GetObjectAsync("api/stats");
        Assert.Equal(0, stats["droppedFailed"]!.GetValue<long>());
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(engine.Health + "/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(engine.Health + "/live")).StatusCode);

        await engine.StopAsync();
        Assert.True((await Media.ProbeAsync(recording)).Frames >= after - 15, "the recording should hold the frames counted");
    }

    [Fact]
    public async Task A_tween_from_minus_1e308_to_1e308_leaves_only_finite_numbers_and_the_api_answers()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("tween.ts"));
        var before = await FramesRiseAsync(engine, 0, 5);

        var started = await engine.Api.PostAsync("api/animations", RunningEngine.Json("""
            { "id": "wild", "kind": "tween", "target": "bid", "property": "x", "from": -1e308, "to": 1e308, "duration": 2 }
            """));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        await FramesRiseAsync(engine, before, 15);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var layers = await engine.Api.GetAsync("api/layers", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, layers.StatusCode);
        var numbers = Numbers(JsonNode.Parse(await layers.Content.ReadAsStringAsync())!).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(double.IsFinite(n) && Math.Abs(n) <= 1e6, $"{n}"));
        var patched = await engine.Api.PatchAsync("api/layers/lot-title", RunningEngine.Json("""{ "transform": { "y": 12 } }"""), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.GetAsync("api/animations", timeout.Token)).StatusCode);
        await FramesRiseAsync(engine, await FramesAsync(engine), 15);
    }

    [Fact]
    public async Task A_bid_of_99999999999999999999999999k_in_the_demo_auction_is_not_a_bid_and_raises_no_error()
    {
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("auction.ts"), RepoPaths.Samples("layers", "scene.json"), Engine.Environment());
        var before = await FramesRiseAsync(engine, 0, 10);

        foreach (var text in new[] { "bid 99999999999999999999999999k", "$999999999999999999999999999999 🔥" })
            Assert.Equal(HttpStatusCode.Accepted, (await engine.Api.PostAsync("api/chat",
                RunningEngine.Json(JsonSerializer.Serialize(new { author = "eve", text })))).StatusCode);
        await FramesRiseAsync(engine, before, 90);

        var auction = JsonNode.Parse(await engine.Api.GetStringAsync("api/scripts"))!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "auction.js")!;
        Assert.Equal("running", auction["state"]!.GetValue<string>());
        Assert.Equal(0, auction["errors"]!.GetValue<long>());
        Assert.Equal(0, (await engine.GetObjectAsync("api/stats"))["droppedFailed"]!.GetValue<long>());
        Assert.Contains(engine.Process.AllOutput.Split('\n'), l => l.Contains("eve is not a bid") && l.Contains("too large"));
        Assert.DoesNotContain("OverflowException", engine.Process.AllOutput);
        Assert.DoesNotContain("cannot render", engine.Process.AllOutput);
    }

    private static IEnumerable<double> Numbers(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Numbers(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Numbers(n)),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => [v.GetValue<double>()],
        _ => [],
    };

    public void Dispose() => _dir.Dispose();
}
