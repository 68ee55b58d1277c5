using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Testing;

namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>
/// The sale's effect sounds as the behaviour plays them frame by frame (the auction on a manual clock, the show API
/// of the SDK's harness): a chime with an accepted bid and none with a refused one, a tick each of the last five
/// seconds, the gavel with the sale, none for a lot that passes.
/// </summary>
public sealed class SaleSoundTests
{
    private const double Frame = 1.0 / 30;

    [Fact]
    public void An_accepted_bid_chimes_the_last_five_seconds_tick_and_the_sale_brings_the_gavel()
    {
        var (sale, show, sounds) = Open("""{ "startDelay": 0, "lots": [ { "id": "a", "opening": 20, "duration": 12 } ] }""");
        sounds.Show(sale.Bid("ana", 25));
        Assert.Equal(["bid-chime"], show.Sounds.Select(s => s.Cue));
        sounds.Show(sale.Bid("bo", 10)); // under the asking price: refused, no chime
        Assert.Equal(["bid-chime"], show.Sounds.Select(s => s.Cue));

        var heard = Run(sale, show, sounds, seconds: 14);
        Assert.Equal(["tick", "tick", "tick", "tick", "tick", "gavel"], heard.Select(h => h.Cue));
        var ticks = heard.Where(h => h.Cue == "tick").Select(h => h.At).ToList();
        Assert.All(ticks.Zip(ticks.Skip(1)), p => Assert.InRange(p.Second - p.First, 1 - Frame, 1 + Frame)); // once a second
        Assert.InRange(heard[^1].At - ticks[0], 5 - Frame, 5 + Frame); // the gavel falls as the fifth second runs out
        Assert.All(show.Sounds, s => Assert.Null(s.Channel)); // the show's effects channel
    }

    [Fact]
    public void A_lot_that_passes_ticks_but_brings_no_gavel()
    {
        var (sale, show, sounds) = Open("""{ "startDelay": 0, "lots": [ { "id": "a", "opening": 20, "duration": 8 } ] }""");
        var heard = Run(sale, show, sounds, seconds: 10);
        Assert.Equal(["tick", "tick", "tick", "tick", "tick"], heard.Select(h => h.Cue));
    }

    private static (Sale, HarnessShow, SaleSounds) Open(string lots)
    {
        var sale = Sale.Open(new Sale(lots));
        var show = new HarnessShow(new ManualFrameClock(30), []);
        return (sale, show, new SaleSounds(show));
    }

    /// <summary>Frames as the behaviour runs them: the clock's events, then the frame's sounds; what was played and when.</summary>
    private static List<(double At, string Cue)> Run(Sale sale, HarnessShow show, SaleSounds sounds, double seconds)
    {
        var heard = new List<(double, string)>();
        for (var t = 0.0; t < seconds; t += Frame)
        {
            var before = show.Sounds.Count;
            sale.Clock.Advance(TimeSpan.FromSeconds(Frame));
            sounds.Show(sale.Tick());
            sounds.OnFrame(sale.Auction);
            heard.AddRange(show.Sounds.Skip(before).Select(s => (t + Frame, s.Cue)));
        }
        return heard;
    }
}
