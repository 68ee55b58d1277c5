using SkiaSharp;
using StreamEngine.Sdk.Testing;

namespace AuctionCountdown.Tests;

/// <summary>The countdown layer rendered to PNG with the SDK's layer harness and compared with its golden images.</summary>
public sealed class CountdownLayerTests
{
    private const string Lot = """{ "endsAt": 90, "duration": 90, "color": "#ffd166", "warnColor": "#e94560", "background": "#1a1a2e" }""";

    private static string Golden(string name) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "golden", name + ".png"); // the project's golden/ folder

    [Fact]
    public void At_the_start_the_clock_shows_the_whole_time_over_a_full_bar()
    {
        using var layer = new LayerHarness(new CountdownLayer(), 320, 120);
        layer.AssertMatchesGolden(Lot, Golden("countdown-start"));
    }

    [Fact]
    public void In_the_last_seconds_the_clock_turns_to_the_warning_color()
    {
        using var layer = new LayerHarness(new CountdownLayer(), 320, 120);
        layer.Clock.AdvanceSeconds(85);
        using var frame = layer.Render(Lot);

        Assert.Equal(new SKColor(0xe9, 0x45, 0x60), frame.GetPixel(30, 102)); // the bar's remaining part
        GoldenImage.AssertMatches(frame, Golden("countdown-warning"));
    }

    [Fact]
    public void Within_a_second_the_picture_does_not_change()
    {
        using var layer = new LayerHarness(new CountdownLayer(), 320, 120);
        layer.Clock.AdvanceSeconds(10.0);
        using var first = layer.Render(Lot);
        layer.Clock.Advance(20); // 0.67 s later, still 1:20 left
        using var later = layer.Render(Lot);

        Assert.Equal(first.Bytes, later.Bytes);
    }

    [Fact]
    public void Props_that_are_not_numbers_or_colors_fall_back_to_the_defaults()
    {
        using var layer = new LayerHarness(new CountdownLayer(), 320, 120);
        using var fallback = layer.Render("""{ "endsAt": "soon", "duration": -5, "color": "gold!", "background": 7 }""");
        using var defaults = layer.Render("""{}""");

        Assert.Equal(defaults.Bytes, fallback.Bytes);
        Assert.Empty(layer.Log.Lines);
    }
}
