using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The REST API of a live engine, as a dashboard or bot would use it.</summary>
public sealed partial class ApiTests : IDisposable
{
    private readonly TempDirectory _dir = new("api");

    [Fact]
    public async Task A_layer_added_and_changed_over_the_api_appears_in_the_stream()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));

        var created = await engine.Api.PostAsync("api/layers", RunningEngine.Json("""
            { "id": "sold", "type": "shape", "zIndex": 99, "transform": { "x": 10, "y": 10, "width": 60, "height": 40 }, "props": { "fill": "#00ff00" } }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patched = await engine.Api.PatchAsync("api/layers/sold", RunningEngine.Json("""{ "props": { "fill": "#ff00ff" }, "transform": { "x": 200 } }"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var layer = await engine.GetObjectAsync("api/layers/sold");
        Assert.Equal("#ff00ff", layer["props"]!["fill"]!.GetValue<string>());
        Assert.Equal(200, layer["transform"]!["x"]!.GetValue<double>());
        Assert.Contains("sold", (await engine.Api.GetStringAsync("api/layers")));
        await Task.Delay(1500); // a second of frames with the change
        await engine.StopAsync();

        var info = await Media.ProbeAsync(engine.Recording);
        var last = await Media.DecodeFrameAsync(engine.Recording, info.Frames - 1, 320, 180);
        Assert.True(last.IsNear(230, 30, "#ff00ff", 40, out var seen), $"the patched layer should be magenta at (230,30), got {seen}");
        Assert.False(last.IsNear(40, 30, "#00ff00", 60, out _), "the layer should have moved away from x=10");
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_naming_the_field_and_the_engine_keeps_running()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), env: ("MAX_LAYERS", "7"));

        await AssertProblem(await engine.Api.PostAsync("api/layers", RunningEngine.Json("{ not json")), 400, "body", "not valid JSON");
        // Found by the fuzzer: these failed inside the handler (500) before.
        await AssertProblem(await engine.Api.PostAsync("api/layers", RunningEngine.Json("""{ "id": "d", "id": "e", "type": "shape" }""")), 400, "body", "not valid JSON");
        await AssertProblem(await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "ana", "text": "\ud800" }""")), 400, "body", "not valid Unicode");
        await AssertProblem(await engine.Api.PostAsync("api/animations", RunningEngine.Json("{}")), 400, null, "expected \"kind\"");
        await AssertProblem(await engine.Api.PostAsync("api/layers", RunningEngine.Json("""{ "id": "t", "type": "shape", "transform": { "x": "left" } }""")), 400, "$.transform.x", null);
        await AssertProblem(await engine.Api.PostAsync("api/layers", RunningEngine.Json("""{ "id": "h", "type": "hologram" }""")), 400, "type", "unknown layer type 'hologram'");
        await AssertProblem(await engine.Api.PatchAsync("api/layers/ghost", RunningEngine.Json("{}")), 404, null, "layer 'ghost' does not exist");
        await AssertProblem(await engine.Api.PostAsync("api/animations", RunningEngine.Json("""{ "kind": "tween", "target": "bid", "property": "x", "to": 1, "easing": "boing" }""")), 400, null, "easing 'boing' is unknown");
        await AssertProblem(await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "ana", "text": "hi", "badges": "mod" }""")), 400, "badges", "expected up to 5 strings");
        await AssertProblem(await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "", "text": "hi" }""")), 400, "author", "1 to 64 characters");

        Assert.Equal(HttpStatusCode.Created, (await engine.Api.PostAsync("api/layers", RunningEngine.Json("""{ "id": "seventh", "type": "shape" }"""))).StatusCode);
        await AssertProblem(await engine.Api.PostAsync("api/layers", RunningEngine.Json("""{ "id": "eighth", "type": "shape" }""")), 400, null, "MAX_LAYERS is 7");

        var huge = new string('x', 10 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/layers") { Content = RunningEngine.Json($$"""{ "id": "{{huge}}", "type": "shape" }""") };
        request.Headers.ExpectContinue = true; // the server refuses on the length alone; the client need not send 10 MB
        var tooBig = await engine.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await engine.Api.GetAsync("api/show")).StatusCode);
        Assert.False(engine.Process.HasExited);
    }

    [Fact]
    public async Task With_a_token_changes_need_it_and_the_token_is_never_shown()
    {
        const string token = "tok-secret-7731";
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), env: ("API_TOKEN", token));
        var body = """{ "props": { "text": "Going twice" } }""";

        Assert.Equal(HttpStatusCode.OK, (await engine.Api.GetAsync("api/layers")).StatusCode); // reading is open
        Assert.Equal(HttpStatusCode.Unauthorized, (await engine.Api.PatchAsync("api/layers/bid", RunningEngine.Json(body))).StatusCode);
        engine.Api.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        var wrong = await engine.Api.PatchAsync("api/layers/bid", RunningEngine.Json(body));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain(token, await wrong.Content.ReadAsStringAsync());
        engine.Api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.PatchAsync("api/layers/bid", RunningEngine.Json(body))).StatusCode);

        await engine.StopAsync();
        Assert.DoesNotContain(token, engine.Process.AllOutput);
    }

    [GeneratedRegex(@"^(# (HELP|TYPE) .+|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.eE+\-]+|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (NaN|\+Inf|-Inf))$")]
    private static partial Regex PrometheusLine();

    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_move_as_frames_render_and_health_answers()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));
        using var http = new HttpClient();

        var first = await http.GetStringAsync(engine.Metrics);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await engine.Api.PostAsync("api/chat", RunningEngine.Json($$"""{ "author": "viewer{{i}}", "text": "hello" }"""))).StatusCode);
        await Task.Delay(2500);
        var second = await http.GetStringAsync(engine.Metrics);

        foreach (var line in second.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Matches(PrometheusLine(), line);
        Assert.True(Counter(second, "streamengine_frames_rendered_total") > Counter(first, "streamengine_frames_rendered_total"));
        Assert.Contains("streamengine_render_seconds_bucket", second);
        Assert.Equal(3, Counter(second, "streamengine_chat_messages_total"));
        Assert.True(Counter(second, "streamengine_resource_cache_bytes") > 0); // the sample's artwork, decoded
        Assert.Contains("streamengine_output_state{output=\"out1\"}", second);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(engine.Health + "/live")).StatusCode);
        var ready = await http.GetAsync(engine.Health + "/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Animations_can_be_started_listed_and_controlled_over_the_api()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));

        var started = await engine.Api.PostAsync("api/animations", RunningEngine.Json("""
            { "id": "slide", "kind": "tween", "target": "bid", "property": "x", "from": 0, "to": 200, "duration": 60 }
            """));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await engine.Api.PostAsync("api/animations/slide/pause", RunningEngine.Json(""))).StatusCode);
        var list = JsonNode.Parse(await engine.Api.GetStringAsync("api/animations"))!.AsArray();
        Assert.True(Assert.Single(list)!["playback"]!["paused"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await engine.Api.PostAsync("api/animations/slide/seek", RunningEngine.Json("""{ "seconds": 30 }"""))).StatusCode);
        await Task.Delay(300);
        Assert.Equal(100, (await engine.GetObjectAsync("api/layers/bid"))["transform"]!["x"]!.GetValue<double>(), 3);
        await AssertProblem(await engine.Api.PostAsync("api/animations/slide/wiggle", RunningEngine.Json("")), 400, "action", "expected pause, resume");
    }

    [Fact]
    public async Task A_scene_switch_with_a_crossfade_replaces_every_layer()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("switch.ts"));

        var switched = await engine.Api.PostAsync("api/scene", RunningEngine.Json("""
            { "layers": [ { "id": "sold", "type": "background", "props": { "color": "#0000ff" } } ],
              "transition": { "kind": "crossfade", "duration": 0.5, "easing": "easeInOutSine" } }
            """));
        Assert.Equal(HttpStatusCode.NoContent, switched.StatusCode);
        Assert.Equal("sold", Assert.Single(JsonNode.Parse(await engine.Api.GetStringAsync("api/layers"))!.AsArray())!["id"]!.GetValue<string>());
        await AssertProblem(await engine.Api.PostAsync("api/scene", RunningEngine.Json("""{ "layers": [], "transition": { "kind": "spin" } }""")), 400, "transition.kind", "not one of cut, crossfade, slide, wipe");
        await Task.Delay(1500);
        await engine.StopAsync();

        var info = await Media.ProbeAsync(engine.Recording);
        var last = await Media.DecodeFrameAsync(engine.Recording, info.Frames - 1, 320, 180);
        Assert.True(last.IsNear(160, 90, "#0000ff", 30, out var seen), $"after the crossfade the frame should be blue, got {seen}");
    }

    private static double Counter(string metrics, string name) =>
        double.Parse(metrics.Split('\n').First(l => l.StartsWith(name + " ")).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task AssertProblem(HttpResponseMessage response, int status, string? field, string? detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        if (field is not null) Assert.Equal(field, problem["field"]?.GetValue<string>());
        if (detail is not null) Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();
}
