using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>A live engine's REST door against browsers (CSRF, DNS rebinding), and its answers while it stops.</summary>
public sealed class FrontDoorLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("front-door");

    [Fact]
    public async Task A_cross_site_text_plain_chat_post_is_refused_and_never_reaches_the_show()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));
        var port = engine.Environment["PORT"];
        var chat = """{ "author": "mallory", "text": "bid 1 ETH" }""";

        // What a form or fetch() on any web page can send without asking: text/plain from its own origin.
        var forged = await SendAsync(engine, HttpMethod.Post, "api/chat", new StringContent(chat, System.Text.Encoding.UTF8, "text/plain"),
            ("Origin", "https://evil.example"));
        await ApiTests.AssertProblem(forged, 403, "Origin", "Origin 'https://evil.example' may not change the show");
        await ApiTests.AssertProblem(await SendAsync(engine, HttpMethod.Post, "api/chat", RunningEngine.Json(chat), ("Origin", "https://evil.example")),
            403, "Origin", "ALLOWED_ORIGINS");
        await ApiTests.AssertProblem(await SendAsync(engine, HttpMethod.Post, "api/chat", new StringContent(chat)), 415, "Content-Type", "application/json");
        await ApiTests.AssertProblem(await SendAsync(engine, HttpMethod.Delete, "api/layers/bid", null), 415, "Content-Type", "application/json");
        // DNS rebinding: the attacker's name now points at 127.0.0.1, so the browser sends it as Host, reads included.
        await ApiTests.AssertProblem(await SendAsync(engine, HttpMethod.Get, "api/layers", null, ("Host", $"evil.example:{port}")), 421, "Host", "ALLOWED_HOSTS");
        Assert.Equal(0, (await engine.GetObjectAsync("api/stats"))["chatMessages"]!.GetValue<long>());

        var own = await SendAsync(engine, HttpMethod.Post, "api/chat", RunningEngine.Json(chat), ("Origin", $"http://localhost:{port}"));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(engine, HttpMethod.Get, "api/show", null, ("Host", $"localhost:{port}"))).StatusCode);
    }

    [Fact]
    public async Task Allowed_hosts_and_origins_from_the_environment_are_let_in()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("allowed.ts"), env: [("ALLOWED_HOSTS", "studio.lan"), ("ALLOWED_ORIGINS", "https://studio.example")]);
        var port = engine.Environment["PORT"];

        var patched = await SendAsync(engine, HttpMethod.Patch, "api/layers/bid", RunningEngine.Json("""{ "visible": false }"""),
            ("Origin", "https://studio.example"), ("Host", $"studio.lan:{port}"));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
    }

    [Fact]
    public async Task A_bad_allowed_host_or_origin_stops_the_engine_naming_the_setting()
    {
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("hello", "scene.json"), "--frames", "1", "--out", _dir.File("x.raw")],
            ("ALLOWED_HOSTS", "https://studio.example"), ("ALLOWED_ORIGINS", "studio.example"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ALLOWED_HOSTS=https://studio.example is not allowed; expected comma-separated host names", run.AllOutput);
        Assert.Contains("ALLOWED_ORIGINS=studio.example is not allowed; expected comma-separated origins", run.AllOutput);
    }

    [Fact]
    public async Task Changes_arriving_while_run_stops_get_503_at_once_and_the_process_exits_soon_after_Stopped()
    {
        var engine = await RunningEngine.StartAsync(_dir.File("stopping.ts"));
        await using var _ = engine;
        var answers = new List<(HttpStatusCode Status, TimeSpan Took, string Body)>();
        using var stopPatching = new CancellationTokenSource();
        var patchers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            using var api = new HttpClient { BaseAddress = engine.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            for (var n = 0; !stopPatching.IsCancellationRequested; n++)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await api.PatchAsync("api/layers/bid", RunningEngine.Json($$"""{ "transform": { "x": {{n % 300}} } }"""));
                    var body = await response.Content.ReadAsStringAsync();
                    lock (answers) answers.Add((response.StatusCode, clock.Elapsed, body));
                }
                catch (HttpRequestException) { await Task.Delay(5); } // the server has closed its port
            }
        })).ToList();
        await Task.Delay(1500);

        engine.Process.Signal(ProcessRunner.SigTerm);
        await engine.Process.WaitForLineAsync(l => l.Contains("Stopped after"), TimeSpan.FromSeconds(30));
        var sinceStopped = Stopwatch.StartNew();
        await engine.Process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var exitedAfter = sinceStopped.Elapsed;
        stopPatching.Cancel();
        await Task.WhenAll(patchers);

        Assert.True(exitedAfter < TimeSpan.FromSeconds(5), $"the process exited {exitedAfter.TotalSeconds:0.0} s after its Stopped line");
        List<(HttpStatusCode Status, TimeSpan Took, string Body)> all;
        lock (answers) all = [.. answers];
        // 202: applied in the last frame, but the clock stopped before it was saved; never a 500 or a hang.
        Assert.All(all, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable, $"{a.Status}: {a.Body}"));
        var refused = all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.True(a.Took < TimeSpan.FromSeconds(1), $"a 503 took {a.Took.TotalMilliseconds:0} ms"));
        Assert.Contains("the engine is stopping", refused[0].Body);
        var statusLines = engine.Process.Stderr.Where(l => l.Contains("show: Frames ")).ToList();
        Assert.Equal(statusLines.Count, statusLines.Distinct().Count());
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningEngine engine, HttpMethod method, string path, HttpContent? content,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (name == "Host") request.Headers.Host = value;
            else request.Headers.Add(name, value);
        }
        return await engine.Api.SendAsync(request);
    }

    public void Dispose() => _dir.Dispose();
}
