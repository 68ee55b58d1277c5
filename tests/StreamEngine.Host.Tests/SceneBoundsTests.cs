using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>A scene file is held to the rules the API keeps: `validate` and every command name each layer out of bounds.</summary>
public sealed class SceneBoundsTests : IDisposable
{
    private readonly TempDirectory _dir = new("scene-bounds");

    [Fact]
    public async Task A_scene_with_a_layer_beyond_the_largest_box_or_a_huge_text_exits_2_naming_each_path()
    {
        var scene = _dir.File("scene.json");
        await File.WriteAllTextAsync(scene, $$"""
            { "size": "320x180", "layers": [
                { "id": "huge", "type": "shape", "transform": { "width": 1e9, "height": 100 }, "props": { "fill": "#ff0000" } },
                { "id": "essay", "type": "overlay.text", "props": { "text": "{{new string('a', 10_001)}}" } } ] }
            """);

        foreach (var args in new[] { ["validate", scene], new[] { "render", "--scene", scene, "--frames", "1", "--out", _dir.File("x.raw") } })
        {
            var run = await Engine.RunAsync(args);

            Assert.Equal(2, run.ExitCode);
            var errors = string.Join('\n', run.Stderr);
            Assert.Contains("$.layers[0].transform.width", errors);
            Assert.Contains("from 0 to 640", errors);
            Assert.Contains("$.layers[1].props.text", errors);
            Assert.Contains("at most 10000 characters", errors);
        }
    }

    [Fact]
    public async Task LAYER_MAX_SIZE_widens_the_largest_box()
    {
        var scene = _dir.File("wide.json");
        await File.WriteAllTextAsync(scene, """
            { "size": "320x180", "layers": [ { "id": "strip", "type": "shape", "transform": { "width": 1000, "height": 20 }, "props": { "fill": "#ff0000" } } ] }
            """);

        Assert.Equal(2, (await Engine.RunAsync(["validate", scene])).ExitCode);
        var widened = await Engine.RunAsync(["validate", scene], ("LAYER_MAX_SIZE", "1024x1024"));
        Assert.True(widened.ExitCode == 0, widened.AllOutput);
    }

    [Fact]
    public async Task Sizes_too_large_for_a_number_are_bad_values_not_crashes()
    {
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("hello", "scene.json"), "--frames", "1", "--out", _dir.File("x.raw")],
            ("STREAM_RESOLUTION", "99999999999x1080"), ("LAYER_MAX_SIZE", "1x99999999999"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("STREAM_RESOLUTION=99999999999x1080", run.AllOutput);
        Assert.Contains("LAYER_MAX_SIZE=1x99999999999", run.AllOutput);
        Assert.DoesNotContain("OverflowException", run.AllOutput);
    }

    public void Dispose() => _dir.Dispose();
}
