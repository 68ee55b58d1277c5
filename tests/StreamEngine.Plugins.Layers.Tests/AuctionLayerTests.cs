using StreamEngine.Sdk;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>
/// The auction layers (priceCard, countdown, banner, confetti) as the audience sees them, compared with golden images,
/// and the properties a broadcast relies on: a card that fits any price, a pulse that repeats frame for frame, a
/// confetti burst that is the same in every render.
/// </summary>
public sealed class AuctionLayerTests
{
    private static LayerState Card(string props) =>
        Layer("card", "priceCard", props, 30, 20, 420, 280);

    private const string Lot = """ "lot": 12, "title": "Solstice Bloom", "artist": "Ines Marlowe" """;

    [Fact]
    public void Price_card_with_a_short_price() =>
        GoldenImage.Check("price-card-short", 480, 320, Backdrop,
            Card($$"""{ {{Lot}}, "price": 1250, "currency": "USD", "leader": "pixel_painter", "bids": 14, "status": "open" }"""));

    [Fact]
    public void Price_card_sets_a_very_long_price_smaller_and_keeps_every_label_whole() =>
        GoldenImage.Check("price-card-long-price", 480, 320, Backdrop,
            Card($$"""{ {{Lot}}, "price": 1234567890, "currency": "USD", "leader": "a_collector_with_a_very_long_handle", "bids": 1204, "status": "twice" }"""));

    [Fact]
    public void Price_card_wraps_a_long_title_and_shows_a_crypto_price() =>
        GoldenImage.Check("price-card-long-title", 480, 320, Backdrop,
            Card("""{ "lot": "7A", "title": "Aurora over Kvaløya, the long winter night when the fjord stood still", "artist": "Sigrid Aune", "price": 2.45, "currency": "ETH", "bids": 0, "label": "OPENING BID", "status": "scheduled" }"""));

    [Fact]
    public void Countdown_bar_shows_the_time_left_and_a_bar_that_empties() =>
        GoldenImage.Check("countdown-bar", 480, 120, Backdrop,
            Layer("countdown", "countdown", """{ "remaining": 42.3, "total": 60 }""", 30, 28, 420, 64));

    [Fact]
    public void Countdown_ring_turns_urgent_in_the_last_seconds() =>
        GoldenImage.CheckAt("countdown-ring-urgent", 200, 200, 15, null, Backdrop,
            Layer("countdown", "countdown", """{ "remaining": 4, "total": 30 }""", 20, 20, 160, 160));

    [Fact]
    public void An_urgent_countdown_pulses_with_the_frame_index_and_repeats_it_exactly()
    {
        LayerState[] layers = [Backdrop, Layer("countdown", "countdown", """{ "remaining": 4, "total": 30 }""", 30, 28, 420, 64)];
        using var trough = GoldenImage.Render(480, 120, layers, frame: 0);
        using var peak = GoldenImage.Render(480, 120, layers, frame: 15);
        using var peakAgain = GoldenImage.Render(480, 120, layers, frame: 15);
        Assert.NotEqual(trough.Bytes, peak.Bytes);
        Assert.Equal(peak.Bytes, peakAgain.Bytes);
        // The same clock with plenty of time left does not pulse: the frame index changes nothing.
        LayerState[] calm = [Backdrop, Layer("countdown", "countdown", """{ "remaining": 40, "total": 60 }""", 30, 28, 420, 64)];
        using var calmFirst = GoldenImage.Render(480, 120, calm, frame: 0);
        using var calmLater = GoldenImage.Render(480, 120, calm, frame: 15);
        Assert.Equal(calmFirst.Bytes, calmLater.Bytes);
    }

    [Fact]
    public void Banner_going_once() =>
        GoldenImage.Check("banner-once", 640, 120, Backdrop,
            Layer("banner", "banner", """{ "style": "once" }""", 40, 20, 560, 80));

    [Fact]
    public void Banner_sold_with_the_winner_under_it() =>
        GoldenImage.Check("banner-sold", 640, 140, Backdrop,
            Layer("banner", "banner", """{ "style": "sold", "subtext": "to pixel_painter for $1,250" }""", 40, 15, 560, 110));

    [Fact]
    public void Confetti_midway_through_its_burst() =>
        GoldenImage.Check("confetti-burst", 480, 270, Backdrop,
            Layer("confetti", "confetti", """{ "progress": 0.4, "seed": 7 }"""));

    [Fact]
    public void Confetti_is_the_same_in_every_render_differs_by_seed_and_is_empty_at_zero()
    {
        LayerState Confetti(double progress, int seed) => Layer("confetti", "confetti", $$"""{ "progress": {{progress}}, "seed": {{seed}} }""");
        using var first = GoldenImage.Render(320, 180, [Backdrop, Confetti(0.5, 3)]);
        using var second = GoldenImage.Render(320, 180, [Backdrop, Confetti(0.5, 3)]);
        using var otherSeed = GoldenImage.Render(320, 180, [Backdrop, Confetti(0.5, 4)]);
        using var zero = GoldenImage.Render(320, 180, [Backdrop, Confetti(0, 3)]);
        using var backdrop = GoldenImage.Render(320, 180, [Backdrop]);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Bytes, otherSeed.Bytes);
        Assert.NotEqual(first.Bytes, backdrop.Bytes);
        Assert.Equal(backdrop.Bytes, zero.Bytes);
    }

    [Theory]
    [InlineData("priceCard", """{ "price": "a lot" }""", "props.price: expected a number")]
    [InlineData("priceCard", """{ "status": "hammered" }""", "props.status: expected one of open, once, twice")]
    [InlineData("countdown", """{ "remaining": -3 }""", "props.remaining: expected seconds from 0 to 86400")]
    [InlineData("banner", """{ "style": "loud" }""", "props.style: expected once, twice, sold, passed or info")]
    [InlineData("confetti", """{ "colors": ["gold", 3] }""", "props.colors: expected a list of strings")]
    public void A_bad_prop_is_named_in_the_layer_error(string type, string props, string message)
    {
        var errors = GoldenImage.Errors(320, 180, Layer("bad", type, props, 0, 0, 320, 180));
        Assert.Contains(errors, e => e.LayerId == "bad" && e.Error.Contains(message));
    }
}
