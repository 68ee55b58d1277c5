namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>The throwaway sale the auctioneer runs as it starts goes through every moment a live lot has, so all of them have run once before the show's first bid.</summary>
public sealed class RehearsalTests
{
    [Fact]
    public void The_rehearsal_opens_takes_bids_and_a_max_bid_calls_twice_and_sells()
    {
        var types = Rehearsal.Run().Select(e => e.Type).ToList();
        Assert.Equal("opened", types[0]);
        Assert.Contains("bid", types);
        Assert.Contains("max", types);
        Assert.Contains("rejected", types);
        Assert.Contains("going-once", types);
        Assert.Contains("going-twice", types);
        Assert.Equal("sold", types[^1]);
    }
}
