using SkiaSharp;
using StreamEngine.Sdk.Testing;
using SdkGolden = StreamEngine.Sdk.Testing.GoldenImage;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The SDK's layer harness and golden check, run on a real layer type of this plugin.</summary>
public sealed class LayerHarnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("layer-harness").FullName;

    [Fact]
    public void The_harness_renders_a_layer_type_at_its_size_with_its_props()
    {
        using var harness = new LayerHarness(new BackgroundLayer(), 64, 36);
        using var frame = harness.Render("""{ "color": "#ff8000" }""");

        Assert.Equal((64, 36), (frame.Width, frame.Height));
        Assert.Equal(new SKColor(0xff, 0x80, 0x00), frame.GetPixel(0, 0));
        Assert.Equal(new SKColor(0xff, 0x80, 0x00), frame.GetPixel(63, 35));
    }

    [Fact]
    public void A_frame_unlike_its_golden_fails_and_leaves_the_actual_frame_and_a_diff()
    {
        if (SdkGolden.Updating) return; // goldens are being written on purpose
        using var harness = new LayerHarness(new BackgroundLayer(), 32, 32);
        using (var golden = harness.Render("""{ "color": "#0000ff" }""")) SdkGolden.SavePng(golden, Path.Combine(_dir, "blue.png"));
        using var red = harness.Render("""{ "color": "#ff0000" }""");

        var failure = Assert.Throws<GoldenImageException>(() => SdkGolden.AssertMatches(red, Path.Combine(_dir, "blue.png"), failureDirectory: Path.Combine(_dir, "out")));

        Assert.Contains("1024 of 1024 pixels differ", failure.Message);
        using var actual = SKBitmap.Decode(Path.Combine(_dir, "out", "blue.actual.png"));
        Assert.Equal(SKColors.Red, actual.GetPixel(5, 5));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "blue.diff.png")));
    }

    [Fact]
    public void A_frame_like_its_golden_passes()
    {
        using var harness = new LayerHarness(new BackgroundLayer(), 32, 32);
        using (var golden = harness.Render("""{ "color": "#123456" }""")) SdkGolden.SavePng(golden, Path.Combine(_dir, "same.png"));
        harness.AssertMatchesGolden("""{ "color": "#123456" }""", Path.Combine(_dir, "same.png"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
