using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

public sealed class RenderTests : IDisposable
{
    private readonly TempDirectory _dir = new("render");

    [Fact]
    public async Task Offline_render_of_the_hello_sample_is_h264_720p30_with_the_scene_colors()
    {
        var mp4 = _dir.File("hello.mp4");
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("hello", "scene.json"), "--frames", "45", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var video = await Media.ProbeAsync(mp4);
        Assert.Equal(("h264", 1280, 720, 30.0, 45), (video.Codec, video.Width, video.Height, video.Fps, video.Frames));

        var frame = await Media.DecodeFrameAsync(mp4, 20, 1280, 720);
        await Media.ExtractPngAsync(mp4, 20, _dir.File("frame20.png"));
        Assert.True(frame.IsNear(1200, 600, "#f2a541", 10, out var bar), $"lower third should be amber, got {bar}");
        Assert.True(frame.IsNear(4, 4, "#0b1d3a", 10, out var corner), $"top-left should be the gradient's first color, got {corner}");
        Assert.True(frame.IsNear(1276, 716, "#3a1d5e", 12, out var far), $"bottom-right should be the gradient's last color, got {far}");
        Assert.True(frame.IsNear(100, 100, "#c386c4", 40, out var art), $"the artwork's pink corner should show at (100,100), got {art}");
        Assert.True(frame.IsNear(50, 630, "#1b1b1b", 40, out var text), $"the bid text should be drawn in dark ink over the bar, got {text}");
    }

    [Fact]
    public async Task Two_renders_of_the_same_scene_are_byte_identical()
    {
        string[] Args(string output) => ["render", "--scene", RepoPaths.Samples("hello", "scene.json"), "--frames", "8", "--size", "320x180", "--out", output];
        var first = await Engine.RunAsync(Args(_dir.File("a.raw")));
        var second = await Engine.RunAsync(Args(_dir.File("b.raw")));
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.AllOutput + second.AllOutput);

        var a = await File.ReadAllBytesAsync(_dir.File("a.raw"));
        var b = await File.ReadAllBytesAsync(_dir.File("b.raw"));
        Assert.Equal(8 * 320 * 180 * 4, a.Length);
        Assert.True(a.AsSpan().SequenceEqual(b), "the two raw renders differ");
        Assert.Contains(a, v => v != 0);
    }

    [Fact]
    public async Task Production_logs_are_one_json_object_per_line()
    {
        var run = await Engine.RunAsync(["render", "--scene", RepoPaths.Samples("hello", "scene.json"), "--frames", "2", "--size", "64x36", "--out", _dir.File("x.mp4")],
            ("STREAM_ENGINE_ENV", "production"), ("LOG_FORMAT", null));

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.NotEmpty(run.Stderr);
        var entries = run.Stderr.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("level", out _) && e.TryGetProperty("message", out _)));
        Assert.Contains(entries, e => e.GetProperty("message").GetString()!.StartsWith("Rendered 2 frames") && e.GetProperty("Frames").GetInt32() == 2);
    }

    public void Dispose() => _dir.Dispose();
}
