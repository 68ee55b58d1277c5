using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A producer stops the only output (to switch platforms, say): the show goes on without it, frames keep being made and
/// counted, readiness says that they reach no one, and an output added again records the show from then on.
/// </summary>
public sealed class LastOutputLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("last-output");

    [Fact]
    public async Task Removing_the_last_output_keeps_the_show_running_and_ready_says_degraded_until_an_output_is_added_again()
    {
        var recordings = Directory.CreateDirectory(_dir.File("recordings")).FullName;
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "hello", ("RECORDINGS_DIR", recordings), ("KEYFRAME_INTERVAL", "0.5"));
        using var http = new HttpClient();
        await FramesAtLeastAsync(engine, 15);
        Assert.Equal("ok", (await ReadyAsync(http, engine)).Status);

        var removed = await engine.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "api/outputs/out1") { Content = RunningEngine.Json("") });
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("[]", (await engine.Api.GetStringAsync("api/outputs")).Trim());
        var without = await engine.GetObjectAsync("api/stats");
        var later = await FramesAtLeastAsync(engine, Value(without, "frames") + 60); // two seconds of show without an output

        var (status, code, checks) = await ReadyAsync(http, engine);
        Assert.Equal((HttpStatusCode.OK, "degraded"), (code, status)); // still ready: a supervisor must not restart the show
        Assert.Contains("reach no output", checks["outputs"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(engine.Health + "/live")).StatusCode);

        var added = await engine.Api.PostAsync("api/outputs", RunningEngine.Json("""{ "target": "again.ts" }"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("ok", (await ReadyAsync(http, engine)).Status);
        await FramesAtLeastAsync(engine, Value(later, "frames") + 60);
        await engine.StopAsync();
        Assert.True(engine.Process.ExitCode == 0, engine.Process.AllOutput);
        Assert.True((await Media.ProbeAsync(Path.Combine(recordings, "again.ts"))).Frames >= 30, "the output added again should record the show");
    }

    private static async Task<(string Status, HttpStatusCode Code, JsonObject Checks)> ReadyAsync(HttpClient http, RunningEngine engine)
    {
        var response = await http.GetAsync(engine.Health + "/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["status"]!.GetValue<string>(), response.StatusCode, body["checks"]!.AsObject());
    }

    private static long Value(JsonObject stats, string name) => stats[name]!.GetValue<long>();

    private static async Task<JsonObject> FramesAtLeastAsync(RunningEngine engine, long frames)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var stats = await engine.GetObjectAsync("api/stats");
            if (Value(stats, "frames") >= frames) return stats;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the show did not reach {frames} frames");
    }

    public void Dispose() => _dir.Dispose();
}
