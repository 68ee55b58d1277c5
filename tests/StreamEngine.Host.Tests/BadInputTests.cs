using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new("bad-input");

    private string[] Render(string scene) => ["render", "--scene", scene, "--frames", "1", "--out", _dir.File("x.raw")];

    [Fact]
    public async Task Bad_environment_values_exit_2_naming_each_variable_value_and_range()
    {
        var run = await Engine.RunAsync(Render(RepoPaths.Samples("hello", "scene.json")),
            ("TARGET_FPS", "90"), ("STREAM_RESOLUTION", "huge"), ("MAX_LAYERS", "0"));

        Assert.Equal(2, run.ExitCode);
        var errors = string.Join('\n', run.Stderr);
        Assert.Contains("TARGET_FPS=90", errors);
        Assert.Contains("an integer from 1 to 60", errors);
        Assert.Contains("STREAM_RESOLUTION=huge", errors);
        Assert.Contains("MAX_LAYERS=0", errors);
        Assert.Contains("from 1 to 100", errors);
    }

    [Fact]
    public async Task Secrets_never_appear_in_error_messages()
    {
        const string secret = "sk-live-do-not-print-4242";
        var run = await Engine.RunAsync(Render(RepoPaths.Samples("hello", "scene.json")),
            ("TWITTER_API_KEY", secret), ("TARGET_FPS", "0"), ("REDIS_URL", $"http://show:{secret}@cache.local:6379"), ("API_TOKEN", secret));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("REDIS_URL=http://****@cache.local:6379 is not allowed", run.AllOutput);
        Assert.DoesNotContain("do-not-print", run.AllOutput);
    }

    [Fact]
    public async Task A_bad_config_file_names_the_key()
    {
        var config = _dir.File("config.json");
        await File.WriteAllTextAsync(config, """{ "MAX_LAYERS": 500, "RENDER_QUALITY": "ultra", "FPS": 30 }""");

        var run = await Engine.RunAsync(["validate", config]);

        Assert.Equal(2, run.ExitCode);
        var errors = string.Join('\n', run.Stderr);
        Assert.Contains("$.MAX_LAYERS", errors);
        Assert.Contains("$.RENDER_QUALITY", errors);
        Assert.Contains("low, medium, high", errors);
        Assert.Contains("$.FPS: unknown setting", errors);
    }

    [Fact]
    public async Task Command_line_flags_win_over_the_config_file()
    {
        var config = _dir.File("config.json");
        await File.WriteAllTextAsync(config, """{ "TARGET_FPS": 500 }""");

        var fromFile = await Engine.RunAsync(["--config", config, .. Render(RepoPaths.Samples("hello", "scene.json"))]);
        Assert.Equal(2, fromFile.ExitCode);
        Assert.Contains("TARGET_FPS=500", fromFile.AllOutput);

        await File.WriteAllTextAsync(config, """{ "TARGET_FPS": 25, "STREAM_RESOLUTION": "320x180" }""");
        var withFlag = await Engine.RunAsync(["--config", config, .. Render(RepoPaths.Samples("hello", "scene.json")), "--size", "64x36"]);
        Assert.True(withFlag.ExitCode == 0, withFlag.AllOutput);
        Assert.Equal(64 * 36 * 4, new FileInfo(_dir.File("x.raw")).Length);
    }

    [Fact]
    public async Task A_bad_scene_file_exits_2_with_the_json_path_of_each_problem()
    {
        var scene = _dir.File("scene.json");
        await File.WriteAllTextAsync(scene, """
            { "size": "1280x720",
              "layers": [ { "id": "a", "type": "background", "transform": { "opacity": 3 } },
                          { "id": "b", "type": "hologram" } ] }
            """);

        foreach (var args in new[] { Render(scene), ["validate", scene] })
        {
            var run = await Engine.RunAsync(args);
            Assert.Equal(2, run.ExitCode);
            var errors = string.Join('\n', run.Stderr);
            Assert.Contains("$.layers[0].transform.opacity: expected a number from 0 to 1, got 3", errors);
            Assert.Contains("$.layers[1].type: unknown layer type 'hologram'", errors);
        }
    }

    [Fact]
    public async Task Validate_names_an_unknown_chat_source_type_and_stage_by_their_json_path()
    {
        var scene = _dir.File("scene.json");
        await File.WriteAllTextAsync(scene, """
            { "size": "320x180", "layers": [],
              "chat": { "sources": [ { "id": "tw", "type": "smoke-signals" } ], "stages": ["chat.moderation", "chat.horoscope"] } }
            """);

        var run = await Engine.RunAsync(["validate", scene]);

        Assert.Equal(2, run.ExitCode);
        var errors = string.Join('\n', run.Stderr);
        Assert.Contains("$.chat.sources[0].type: expected the type of a loaded chat source plugin, got \"smoke-signals\"", errors);
        Assert.Contains("$.chat.stages[1]: expected the name of a loaded chat stage, got \"chat.horoscope\"", errors);
        Assert.DoesNotContain("$.chat.stages[0]", errors); // the moderation stage is loaded
    }

    [Fact]
    public async Task A_missing_scene_file_is_named()
    {
        var run = await Engine.RunAsync(Render(_dir.File("nope.json")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json' does not exist", run.AllOutput);
    }

    public void Dispose() => _dir.Dispose();
}
