using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>
/// FAILOVER=redis with two real engine processes on one real Redis and one show: the active one is SIGKILLed mid-show,
/// the standby takes the lease and streams to nginx-rtmp with the scene and the counter behaviour's state and records;
/// the killed one, restarted, is the standby; an active engine that was paused past its lease cannot write and exits.
/// </summary>
public sealed class FailoverLiveTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan LeaseTimeToLive = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _dir = new("failover-live");

    [Fact]
    public async Task The_standby_takes_over_a_killed_active_engine_within_5_s_of_its_lease_expiring_with_the_show_where_it_was()
    {
        using var redis = new RedisServer();
        using var nginx = new NginxRtmpServer();
        var scene = await StateBackupLiveTests.ShowWithCounterAsync(_dir);
        var envA = Env(redis, "engine-a");
        var envB = Env(redis, "engine-b");
        await using var a = await RunningEngine.StartSceneAtSizeAsync(nginx.Url("show"), scene, envA, "160x90");
        await using var b = Start(scene, envB, nginx);
        await b.Process.WaitForLineAsync(l => l.Contains("Standby answers on"), TimeSpan.FromSeconds(60));

        // a runs the show: the lot is sold, the counter takes two calls (recorded before they are answered).
        Assert.Equal("active", (string)(await ReadyAsync(a))["checks"]!["role"]!);
        Assert.Equal(HttpStatusCode.OK, (await a.Api.PatchAsync("api/layers/lot", RunningEngine.Json("""{ "props": { "text": "Lot 7, sold to @mara" } }"""))).StatusCode);
        foreach (var amount in new[] { 5, 7 })
            Assert.Equal(HttpStatusCode.OK, (await a.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json($$"""{ "amount": {{amount}} }"""))).StatusCode);
        await UntilSavedAsync(envA, "\"count\": 12");
        using (var health = new HttpClient())
        {
            var standby = await health.GetAsync(b.Health + "/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, standby.StatusCode);
            var body = JsonNode.Parse(await standby.Content.ReadAsStringAsync())!;
            Assert.Equal("standby", (string)body["role"]!);
            Assert.StartsWith("engine-a|", (string)body["active"]!);
            Assert.Equal("standby", (string)(await b.GetObjectAsync("api/show"))["role"]!);
        }

        // SIGKILL: the lease expires within its time to live; b must stream within 5 s of that.
        a.Process.Signal(ProcessRunner.SigKill);
        var killed = Stopwatch.StartNew();
        await b.Process.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(async () =>
            (await b.Api.GetStringAsync("api/outputs")).Contains("\"Live\"") ? "live" : null, TimeSpan.FromSeconds(30), "b's output live");
        var live = killed.Elapsed;
        output.WriteLine($"standby's output live {live.TotalSeconds:0.0} s after the active engine was killed (lease time to live {LeaseTimeToLive.TotalSeconds} s)");
        Assert.True(live < LeaseTimeToLive + TimeSpan.FromSeconds(5), $"b was live {live.TotalSeconds:0.0} s after a was killed (lease {LeaseTimeToLive.TotalSeconds} s)");
        var probe = await Media.ProbeAsync(nginx.Url("show"), countFrames: false, TimeSpan.FromSeconds(20));
        Assert.Equal(160, probe.Width);

        Assert.Equal("active", (string)(await ReadyAsync(b))["checks"]!["role"]!);
        Assert.Equal("Lot 7, sold to @mara", (string)(await b.GetObjectAsync("api/layers/lot"))["props"]!["text"]!);
        Assert.Equal(12, (long)(await b.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!);
        Assert.Equal(HttpStatusCode.OK, (await b.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json("""{ "amount": 1 }"""))).StatusCode);
        Assert.Equal([5, 7, 1], StateBackupLiveTests.Adds(await ExportAsync(envB))); // none lost, none twice

        // a, restarted, is the standby.
        await using var again = Start(scene, envA, nginx);
        await again.Process.WaitForLineAsync(l => l.Contains("Standby answers on"), TimeSpan.FromSeconds(60));
        Assert.Contains(again.Process.AllOutput.Split('\n'), l => l.Contains("Standby: engine-b|"));

        // b paused past its lease (as if cut off): the restarted a takes over; b, resumed, cannot write and stops.
        b.Process.Signal(SigStop);
        await again.Process.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(30));
        b.Process.Signal(SigCont);
        HttpStatusCode? stale;
        try { stale = (await b.Api.PostAsync("api/behaviours/test.counter/add", RunningEngine.Json("""{ "amount": 100 }"""))).StatusCode; }
        catch (HttpRequestException) { stale = null; } // it noticed first and was already closing
        await b.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(75, b.Process.ExitCode);
        Assert.Contains(b.Process.AllOutput.Split('\n'), l => l.Contains("Stopping the show"));
        Assert.Equal([5, 7, 1], StateBackupLiveTests.Adds(await ExportAsync(envA)));
        Assert.NotEqual(HttpStatusCode.OK, stale);
        Assert.Equal(13, (long)(await again.GetObjectAsync("api/behaviours/test.counter/count"))["count"]!);
    }

    private const int SigStop = 19, SigCont = 18;

    private static async Task<JsonObject> ReadyAsync(RunningEngine engine)
    {
        using var http = new HttpClient();
        return (JsonNode.Parse(await http.GetStringAsync(engine.Health + "/ready")) as JsonObject)!;
    }

    private Dictionary<string, string?> Env(RedisServer redis, string instance) => Engine.Environment(
        ("STREAM_ENGINE_PLUGINS", _dir.File("plugins")), ("REDIS_URL", redis.Url), ("FAILOVER", "redis"), ("INSTANCE_ID", instance), ("SHOW_ID", "auction"));

    private static RunningEngine Start(string scene, Dictionary<string, string?> env, NginxRtmpServer nginx) =>
        RunningEngine.Launch(nginx.Url("show"), scene, env, "160x90");

    private async Task UntilSavedAsync(Dictionary<string, string?> env, string text) =>
        await Poll.UntilAsync(async () => (await ExportAsync(env)).ToJsonString(new() { WriteIndented = true }).Contains(text) ? "saved" : null,
            TimeSpan.FromSeconds(20), $"{text} in the store");

    private async Task<JsonNode> ExportAsync(Dictionary<string, string?> env)
    {
        var file = _dir.File($"export-{Guid.NewGuid():N}.json");
        var export = await Engine.RunAsync(["state", "export", file], ("REDIS_URL", env["REDIS_URL"]), ("SHOW_ID", "auction"));
        Assert.True(export.ExitCode == 0, export.AllOutput);
        return JsonNode.Parse(File.ReadAllText(file))!;
    }

    public void Dispose() => _dir.Dispose();
}
