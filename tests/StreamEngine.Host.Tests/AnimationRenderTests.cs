using System.Security.Cryptography;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The animated sample rendered offline: where things are at chosen frames, as a viewer would see them.</summary>
public sealed class AnimationRenderTests : IDisposable
{
    private readonly TempDirectory _dir = new("animation");

    [Fact]
    public async Task The_animated_sample_shows_each_animation_at_the_expected_frames()
    {
        var mp4 = _dir.File("animation.mp4");
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("animation", "scene.json"), "--frames", "91", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var start = await Media.DecodeFrameAsync(mp4, 5, 1280, 720);
        var later = await Media.DecodeFrameAsync(mp4, 90, 1280, 720);

        // Lower third: off screen until its delay ends, then slid in with ease-out-back to x = 40.
        Assert.False(start.IsNear(300, 640, "#f2a541", 30, out var before), $"the lower third should not be in yet, got {before}");
        Assert.True(later.IsNear(300, 640, "#f2a541", 12, out var after), $"the lower third should be in, got {after}");
        // Price badge: a spring from scale 0 at 1.2 s; settled at full size by 3 s.
        Assert.False(start.IsNear(1000, 200, "#2ec4b6", 30, out var badgeBefore), $"the price badge should not show yet, got {badgeBefore}");
        Assert.True(later.IsNear(1000, 200, "#2ec4b6", 12, out var badgeAfter), $"the price badge should show, got {badgeAfter}");
        // The gavel follows its path: at its start point near frame 0, elsewhere by frame 90.
        var first = await Media.DecodeFrameAsync(mp4, 0, 1280, 720);
        Assert.True(first.IsNear(720, 500, "#ffd166", 20, out var gavel), $"the gavel should start at (720, 500), got {gavel}");
        Assert.False(later.IsNear(720, 500, "#ffd166", 40, out _), "the gavel should have moved along its path");
    }

    [Fact]
    public async Task Animated_renders_are_byte_identical()
    {
        string[] Args(string output) => ["render", "--scene", RepoPaths.Samples("animation", "scene.json"), "--frames", "45", "--size", "640x360", "--out", output];
        var a = await Engine.RunAsync(Args(_dir.File("a.raw")));
        var b = await Engine.RunAsync(Args(_dir.File("b.raw")));
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.AllOutput + b.AllOutput);

        Assert.Equal(45L * 640 * 360 * 4, new FileInfo(_dir.File("a.raw")).Length);
        Assert.Equal(Hash(_dir.File("a.raw")), Hash(_dir.File("b.raw")));
    }

    [Fact]
    public async Task A_scene_with_a_bad_animation_names_it()
    {
        var scene = _dir.File("scene.json");
        await File.WriteAllTextAsync(scene, """
            { "layers": [ { "id": "box", "type": "shape", "props": { "fill": "#ffffff" } } ],
              "animations": [ { "kind": "tween", "target": "box", "property": "x", "to": 10, "easing": "wobbly" },
                              { "kind": "tween", "target": "ghost", "property": "x", "to": 10 } ] }
            """);

        var run = await Engine.RunAsync(["validate", scene]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.animations[0]: animation.easing: easing 'wobbly' is unknown", run.AllOutput);
        Assert.Contains("$.animations[1]: animation.target: layer 'ghost' does not exist", run.AllOutput);
    }

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    public void Dispose() => _dir.Dispose();
}
