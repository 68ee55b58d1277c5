namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>Which bids count: the asking price, raises, refusals with their reason, ties by arrival order.</summary>
public sealed class BidTests
{
    /// <summary>Bids as "author:amount" (a leading + is a raise), then the expected fate of each and the price after.</summary>
    [Theory]
    [InlineData("ana:20", "accepted", "20")]
    [InlineData("ana:19", "too-low", null)]
    [InlineData("ana:20 bo:20", "accepted too-low", "20")]
    [InlineData("ana:20 bo:21", "accepted accepted", "21")]
    [InlineData("ana:29 bo:30", "accepted accepted", "30")]
    [InlineData("ana:30 bo:31", "accepted too-low", "30")]
    [InlineData("ana:30 bo:32", "accepted accepted", "32")]
    [InlineData("ana:100 bo:104 cy:105", "accepted too-low accepted", "105")]
    [InlineData("ana:20 ana:25", "accepted already-leading", "20")]
    [InlineData("ana:20 bo:+5", "accepted accepted", "25")]
    [InlineData("ana:20 bo:+0.5", "accepted too-low", "20")]
    [InlineData("ana:+3", "accepted", "23")]
    [InlineData("ana:20 bo:300 cy:+10", "accepted accepted accepted", "310")]
    public void Bids_are_judged_against_the_asking_price_in_arrival_order(string bids, string fates, string? price)
    {
        var sale = Sale.OneLot();
        var judged = bids.Split(' ').Select(b =>
        {
            var (author, amount) = (b.Split(':')[0], b.Split(':')[1]);
            var e = sale.Bid(author, decimal.Parse(amount.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), raise: amount.StartsWith('+'))[0];
            return e.Type == "bid" ? "accepted" : e.Reason;
        });
        Assert.Equal(fates.Split(' '), judged);
        Assert.Equal(price is null ? null : decimal.Parse(price), sale.Lot.Price);
    }

    [Fact]
    public void A_refused_bid_says_why_in_words_a_bidder_understands()
    {
        var sale = Sale.OneLot();
        sale.Bid("ana", 100);
        var low = sale.Bid("bo", 101).Single();
        Assert.Equal(("rejected", "too-low", "the next bid is at least $105"), (low.Type, low.Reason, low.Detail));
        Assert.Equal("currency", sale.Bid("bo", 200, currency: "EUR").Single().Reason);
        Assert.Equal("this lot is sold in USD", sale.Log[^1].Detail);
    }

    [Fact]
    public void A_banned_author_cannot_bid_until_unbanned()
    {
        var sale = Sale.OneLot();
        sale.Keep(sale.Auction.Ban("Troll"));
        Assert.Equal("banned", sale.Bid("troll", 50).Single().Reason);
        sale.Keep(sale.Auction.Unban("troll"));
        Assert.Equal("bid", sale.Bid("troll", 50).Single().Type);
    }

    [Fact]
    public void An_author_over_the_rate_limit_is_refused_until_the_window_passes()
    {
        var sale = Sale.Open(new Sale("""{ "startDelay": 0, "rateLimit": { "bids": 2, "seconds": 5 }, "lots": [ { "id": "a", "opening": 20 } ] }"""));
        Assert.Equal("bid", sale.Bid("ana", 20).Single().Type);
        Assert.Equal("already-leading", sale.Bid("ana", 30).Single().Reason);
        Assert.Equal("rate-limited", sale.Bid("ana", 40).Single().Reason);
        sale.Bid("bo", 45);
        sale.Wait(5.1);
        Assert.Equal("bid", sale.Bid("ana", 50).Single().Type);
    }

    [Fact]
    public void Before_the_first_lot_opens_and_after_the_last_closes_bids_are_refused_as_closed()
    {
        var sale = new Sale("""{ "startDelay": 5, "lots": [ { "id": "a", "opening": 20, "duration": 10 } ] }""");
        Assert.Equal("closed", sale.Bid("ana", 20).Single().Reason);
        sale.Wait(16);
        Assert.Equal("closed", sale.Bid("ana", 20).Single().Reason);
    }
}
