using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>Show scripts through the CLI as a user runs them: offline renders, a live show edited while it streams, validate.</summary>
public sealed class ScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new("scripts");

    // Generous per-call time: these tests are about behaviour, and the machines running them are shared and noisy.
    private static readonly (string, string?) Patient = ("SCRIPT_TIMEOUT_MS", "2000");

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "StreamEngine.Host.Tests", "scripts", name);

    [Fact]
    public async Task The_same_behaviour_in_javascript_and_csharp_renders_identical_frames()
    {
        async Task<byte[]> RenderAsync(string output, params string[] script)
        {
            var run = await Engine.RunAsync(["render", "--scene", Fixture("scene.json"), "--frames", "45", "--out", _dir.File(output),
                .. script.SelectMany(s => new[] { "--script", s })], Patient);
            Assert.True(run.ExitCode == 0, run.AllOutput);
            return await File.ReadAllBytesAsync(_dir.File(output));
        }
        var js = await RenderAsync("js.raw", Fixture("behaviour.js"));
        var cs = await RenderAsync("cs.raw", Fixture("behaviour.csx"));
        var none = await RenderAsync("none.raw");

        Assert.Equal(45 * 160 * 90 * 4, js.Length);
        Assert.True(js.AsSpan().SequenceEqual(cs), "the JavaScript and C# renders differ");
        Assert.False(js.AsSpan().SequenceEqual(none), "the scripts changed nothing");
        var frame = 44 * 160 * 90 * 4;
        Assert.Equal((0, 255, 0), Bgr(js, frame, 120, 40)); // the box moved to x=100, y=30 and turned green when its tween completed
        Assert.Equal((0, 0, 0), Bgr(js, frame, 20, 20));
        Assert.Equal((0, 255, 255), Bgr(js, 20 * 160 * 90 * 4, 146, 11)); // the yellow dot, between 0.5 s and 1.2 s
        Assert.Equal((0, 0, 0), Bgr(js, frame, 146, 11));
    }

    [Fact]
    public async Task A_script_edited_while_live_changes_the_next_frames_keeps_its_state_and_survives_a_syntax_error()
    {
        var script = _dir.File("live.js");
        await File.WriteAllTextAsync(script, """
            state.loads = (state.loads || 0) + 1;
            onFrame(() => update("title", { props: { text: "." } }));
            """);
        var recording = _dir.File("live.ts");
        var env = Engine.Environment(Patient);
        using var engine = ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "run", "--scene", Fixture("scene.json"), "--output", recording,
            "--status-every", "1", "--script", script], env);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{env["PORT"]}/") };
        await engine.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(60));
        await engine.WaitForLineAsync(l => l.Contains("Script live.js loaded"), TimeSpan.FromSeconds(30));
        await NextStatusAsync(engine);

        await File.WriteAllTextAsync(script, """
            state.loads = (state.loads || 0) + 1;
            onFrame(() => update("title", { props: { text: "MMMM " + state.loads } }));
            """);
        await engine.WaitForLineAsync(l => l.Contains("Script live.js reloaded, state kept"), TimeSpan.FromSeconds(30));
        Assert.Equal("MMMM 2", await TitleAsync(api));

        await File.WriteAllTextAsync(script, "state.loads = (state.loads || 0) + 1;\nonFrame(() => update(\"title\", { props: { text: \"broken\" } );\n");
        var refused = await engine.WaitForLineAsync(l => l.Contains("Script live.js was not loaded"), TimeSpan.FromSeconds(30));
        Assert.Contains("(the previous version keeps running)", refused);
        Assert.Contains($"{script}:2:", refused);
        var scripts = await api.GetFromJsonAsync<JsonArray>("api/scripts");
        var status = scripts!.Single()!.AsObject();
        Assert.Equal(("live.js", "javascript", "running"), (status["name"]!.GetValue<string>(), status["language"]!.GetValue<string>(), status["state"]!.GetValue<string>()));
        Assert.Contains($"{script}:2:", status["lastError"]!.GetValue<string>());
        await NextStatusAsync(engine);
        Assert.Equal("MMMM 2", await TitleAsync(api));

        engine.Signal(ProcessRunner.SigTerm);
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);
        var info = await Media.ProbeAsync(recording);
        var before = await Media.DecodeFrameAsync(recording, 5, 160, 90);
        var after = await Media.DecodeFrameAsync(recording, info.Frames - 1, 160, 90);
        var (inkBefore, inkAfter) = (Ink(before), Ink(after));
        Assert.True(inkAfter > 4 * inkBefore + 100, $"the title should show the new text after the save: {inkBefore} bright pixels before, {inkAfter} after");
    }

    [Theory]
    [InlineData("example.js")]
    [InlineData("example.csx")]
    public async Task The_example_script_shows_a_bid_posted_to_the_chat_api(string example)
    {
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("hello", "scene.json"),
            Engine.Environment(Patient), "--script", Path.Combine(RepoPaths.Root, "scripts", example));
        await engine.Process.WaitForLineAsync(l => l.Contains($"Script {example} loaded"), TimeSpan.FromSeconds(30));

        var posted = await engine.Api.PostAsync("api/chat", RunningEngine.Json("""{ "author": "ana", "text": "bid 3 ETH" }"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await NextStatusAsync(engine.Process);
        var top = await engine.GetObjectAsync("api/layers/top-bid");
        Assert.Equal("Top bid 3 ETH · ana", top["props"]!["text"]!.GetValue<string>());
        // The tag pops in (0.35 s of keyframes) and settles at full size; a loaded machine may need longer to get there.
        var scale = 0.0;
        for (var attempt = 0; attempt < 100 && scale != 1; attempt++, await Task.Delay(100))
            scale = (await engine.GetObjectAsync("api/layers/price-tag"))["transform"]!["scaleX"]!.GetValue<double>();
        Assert.Equal(1, scale);
        var scripts = await engine.Api.GetStringAsync("api/scripts");
        Assert.Contains("\"state\":\"running\"", scripts);
        var metrics = await engine.Api.GetStringAsync(engine.Metrics);
        Assert.Contains("streamengine_script_frame_seconds_count", metrics);
        Assert.Contains($"streamengine_script_errors_total{{script=\"{example}\"}} 0", metrics);
    }

    [Fact]
    public async Task Scripts_in_the_shows_own_scripts_folder_load_by_themselves()
    {
        var show = Directory.CreateDirectory(_dir.File("show")).FullName;
        File.Copy(Fixture("scene.json"), Path.Combine(show, "scene.json"));
        Directory.CreateDirectory(Path.Combine(show, "scripts"));
        await File.WriteAllTextAsync(Path.Combine(show, "scripts", "paint.js"), """update("backdrop", { props: { color: "#0000ff" } });""");
        var run = await Engine.RunAsync(["render", "--scene", Path.Combine(show, "scene.json"), "--frames", "2", "--out", _dir.File("auto.raw")], Patient);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Equal((255, 0, 0), Bgr(await File.ReadAllBytesAsync(_dir.File("auto.raw")), 0, 2, 2)); // blue, in BGR
    }

    [Fact]
    public async Task Bench_reports_the_time_scripts_take_per_frame()
    {
        var run = await Engine.RunAsync(["bench", "--scene", Fixture("scene.json"), "--seconds", "1", "--json", "--script", Fixture("twenty-layers.js")], Patient);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        var result = JsonNode.Parse(run.Stdout.Last())!;
        Assert.True(result["script_ms_p50"]!.GetValue<double>() > 0, run.Stdout.Last());
        Assert.True(result["script_ms_p99"]!.GetValue<double>() >= result["script_ms_p50"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("loop.js", "onFrame(t => { if (t.frame === 30) while (true) {} });")]
    [InlineData("loop.csx", "OnFrame(t => { if (t.Index == 30) while (true) { } });")]
    public async Task An_endless_loop_in_a_script_is_cut_and_the_stream_goes_on(string name, string source)
    {
        var script = _dir.File(name);
        await File.WriteAllTextAsync(script, source);
        var recording = _dir.File("loop.ts");
        var run = await Engine.RunAsync(["run", "--scene", Fixture("scene.json"), "--output", recording, "--no-api", "--seconds", "4", "--script", script]);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Contains(run.Stderr, l => l.Contains($"Script {name}") && l.Contains("was disabled") && l.Contains("a call was cut for running too long"));
        var video = await Media.ProbeAsync(recording);
        Assert.True(video.Frames >= 90, $"the recording has {video.Frames} frames; the show should have gone on for about 120");
    }

    [Fact]
    public async Task A_scripts_state_is_saved_with_the_scene_and_survives_a_restart()
    {
        var script = _dir.File("starts.js");
        await File.WriteAllTextAsync(script, """
            state.starts = (state.starts || 0) + 1;
            onFrame(() => update("title", { props: { text: "starts " + state.starts } }));
            """);
        var env = Engine.Environment(Patient);
        string[] Args(string recording) => ["run", "--scene", Fixture("scene.json"), "--output", _dir.File(recording), "--status-every", "0.5", "--script", script];
        using (var first = Engine.Start(Args("first.ts"), [.. env.Select(e => (e.Key, e.Value))]))
        {
            await first.WaitForLineAsync(l => l.Contains("Script starts.js loaded"), TimeSpan.FromSeconds(60));
            await NextStatusAsync(first);
            first.Signal(ProcessRunner.SigTerm);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        using var second = Engine.Start(Args("second.ts"), [.. env.Select(e => (e.Key, e.Value))]);
        await second.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(60));
        await NextStatusAsync(second);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{env["PORT"]}/") };
        Assert.Equal("starts 2", await TitleAsync(api));
        second.Signal(ProcessRunner.SigTerm);
        await second.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task With_the_permission_a_script_starts_and_stops_an_output()
    {
        var extra = _dir.File("extra.ts");
        var script = _dir.File("outputs.js");
        await File.WriteAllTextAsync(script, $$"""
            after(0.2, () => {
              const id = startOutput({{System.Text.Json.JsonSerializer.Serialize(extra)}});
              log.info("started output " + id);
              after(2, () => { stopOutput(id); log.info("stopped output " + id); });
            });
            """);
        using var engine = Engine.Start(["run", "--scene", Fixture("scene.json"), "--output", _dir.File("main.ts"), "--seconds", "6",
            "--script", script, "--allow-script-outputs"], ("KEYFRAME_INTERVAL", "0.5"), ("RECORDINGS_DIR", _dir.Root), Patient); // a new output starts at a keyframe
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(engine.ExitCode == 0, engine.AllOutput);
        Assert.Contains(engine.Stderr, l => l.Contains("[outputs.js] stopped output"));
        Assert.True(File.Exists(extra) && new FileInfo(extra).Length > 0, $"the script's output {extra} was not written:\n{engine.AllOutput}");
        var recorded = await Media.ProbeAsync(extra);
        Assert.InRange(recorded.Frames, 20, 100); // about two seconds of the show, not six
    }

    [Theory]
    [InlineData("bad.js", "let x = ;\n", ":1:9")]
    [InlineData("bad.csx", "var x = 1;\nUpdate(\"a\", 42);\n", ":2:13")]
    public async Task Validate_reports_script_errors_with_their_place_without_running_a_show(string name, string source, string place)
    {
        var path = _dir.File(name);
        await File.WriteAllTextAsync(path, source);
        var run = await Engine.RunAsync(["validate", path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Stderr, l => l.Contains(path + place));

        var good = await Engine.RunAsync(["validate", Path.Combine(RepoPaths.Root, "scripts", name.EndsWith(".js") ? "example.js" : "example.csx")]);
        Assert.True(good.ExitCode == 0, good.AllOutput);
        Assert.Contains("valid", good.Stdout.Single());
    }

    /// <summary>Waits for the next once-a-second status line: a second more of frames.</summary>
    private static Task NextStatusAsync(ProcessRunner engine) =>
        engine.WaitForLineAsync(IsStatus, TimeSpan.FromSeconds(10), skip: engine.Stderr.Concat(engine.Stdout).Count(IsStatus));

    private static bool IsStatus(string line) => line.Contains("Frames ") && line.Contains("dropped");

    private static async Task<string> TitleAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonObject>("api/layers/title"))!["props"]!["text"]!.GetValue<string>();

    /// <summary>Bright pixels in the title's box: how much text is drawn.</summary>
    private static int Ink(DecodedFrame frame)
    {
        var count = 0;
        for (var y = 50; y < 86; y++)
            for (var x = 4; x < 156; x++)
                if (frame.At(x, y) is var (r, g, b) && r + g + b > 3 * 128) count++;
        return count;
    }

    private static (int B, int G, int R) Bgr(byte[] raw, int frameOffset, int x, int y)
    {
        var i = frameOffset + (y * 160 + x) * 4;
        return (raw[i], raw[i + 1], raw[i + 2]);
    }

    public void Dispose() => _dir.Dispose();
}
