using SkiaSharp;
using StreamEngine.Sdk.Testing;

namespace PluginName.Tests;

public sealed class BarLayerTests
{
    private static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "golden", name + ".png");

    [Fact]
    public void A_half_full_bar_matches_its_golden_image()
    {
        using var layer = new LayerHarness(new BarLayer(), 200, 20);
        layer.AssertMatchesGolden("""{ "value": 0.5, "color": "#4cc9f0" }""", Golden("bar-half"));
    }

    [Fact]
    public void The_bar_fills_up_to_its_value()
    {
        using var layer = new LayerHarness(new BarLayer(), 200, 20);
        using var frame = layer.Render("""{ "value": 0.25, "color": "#ff0000" }""");

        Assert.Equal(SKColors.Red, frame.GetPixel(40, 10));
        Assert.NotEqual(SKColors.Red, frame.GetPixel(60, 10));
    }
}
