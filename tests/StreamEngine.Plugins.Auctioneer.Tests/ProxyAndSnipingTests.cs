namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>Proxy (max) bids as eBay runs them, and the two forms of anti-sniping plus sudden death.</summary>
public sealed class ProxyAndSnipingTests
{
    /// <summary>Steps as "max author amount" or "bid author amount"; then who leads at what price.</summary>
    [Theory]
    [InlineData("max ana 300", "ana", 20)]
    [InlineData("max ana 300|bid bo 50", "ana", 53)]
    [InlineData("max ana 300|bid bo 298", "ana", 300)]
    [InlineData("max ana 300|bid bo 300", "ana", 300)]
    [InlineData("max ana 300|bid bo 310", "bo", 310)]
    [InlineData("max ana 300|max bo 200", "ana", 205)]
    [InlineData("max ana 200|max bo 300", "bo", 205)]
    [InlineData("max ana 300|max bo 300", "ana", 300)]
    [InlineData("max ana 300|max bo 305", "bo", 305)]
    [InlineData("bid bo 40|max ana 100", "ana", 42)]
    [InlineData("max ana 100|max ana 150|bid bo 120", "ana", 125)]
    [InlineData("max ana 100|max bo 120|max cy 110", "bo", 115)]
    public void Proxy_bids_answer_one_increment_above_a_rival_up_to_the_max(string steps, string leader, double price)
    {
        var sale = Sale.OneLot();
        foreach (var step in steps.Split('|'))
        {
            var p = step.Split(' ');
            if (p[0] == "max") sale.Max(p[1], decimal.Parse(p[2]));
            else sale.Bid(p[1], decimal.Parse(p[2]));
        }
        Assert.Equal((leader, (decimal)price), (sale.Lot.Leader, sale.Lot.Price!.Value));
    }

    [Fact]
    public void A_max_below_the_asking_price_is_refused()
    {
        var sale = Sale.OneLot();
        sale.Bid("bo", 50);
        Assert.Equal("too-low", sale.Max("ana", 52).Single().Reason);
        Assert.Equal("max", sale.Max("ana", 53)[0].Type);
    }

    [Fact]
    public void Proxy_answers_are_recorded_as_bids_placed_by_the_engine()
    {
        var sale = Sale.OneLot();
        sale.Max("ana", 300);
        var events = sale.Bid("bo", 50);
        Assert.Equal([("bo", 50m, false), ("ana", 53m, true)], events.Select(e => (e.Author!, e.Amount!.Value, e.Proxy)));
    }

    [Theory]
    [InlineData("""{ "extend": 10, "within": 10 }""", 55, 15)]
    [InlineData("""{ "extend": 10, "within": 10 }""", 45, 15)]
    [InlineData("""{ "extend": 10, "within": 10 }""", 52, 18)]
    [InlineData("""{ "reset": 15 }""", 55, 15)]
    [InlineData("""{ "reset": 15 }""", 50, 15)]
    [InlineData("""{ "reset": 15 }""", 40, 20)]
    [InlineData("\"none\"", 55, 5)]
    public void A_late_bid_extends_or_resets_the_clock_unless_sudden_death(string rule, double bidAt, double leftAfter)
    {
        var sale = Sale.OneLot($$""" "antiSniping": {{rule}}, """);
        sale.Wait(bidAt);
        sale.Bid("ana", 20);
        Assert.Equal(leftAfter, sale.Lot.Left(sale.Auction.Now), 3);
    }

    [Fact]
    public void In_sudden_death_the_leader_at_zero_wins_even_with_a_bid_in_the_last_second()
    {
        var sale = Sale.OneLot(""" "suddenDeath": true, """);
        sale.Bid("ana", 20);
        sale.Wait(59.5);
        sale.Bid("bo", 30);
        Assert.Equal(LotPhaseName("going-twice"), sale.Lot.Phase.ToString());
        sale.Wait(0.6);
        Assert.Equal(("sold", "bo", 30m), (sale.Log[^1].Type, sale.Log[^1].Author!, sale.Log[^1].Amount!.Value));
    }

    [Fact]
    public void A_bid_during_the_calls_takes_the_lot_back_to_open()
    {
        var sale = Sale.OneLot();
        sale.Wait(56);
        Assert.Equal("GoingTwice", sale.Lot.Phase.ToString());
        sale.Bid("ana", 20);
        Assert.Equal("Open", sale.Lot.Phase.ToString());
        Assert.Equal(14, sale.Lot.Left(sale.Auction.Now), 3);
    }

    private static string LotPhaseName(string name) => name == "going-twice" ? "GoingTwice" : name;
}
