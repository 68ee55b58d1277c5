using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>The life of a lot on a manual clock: scheduled, open, the calls, sold / passed / withdrawn, pause and the operator's commands.</summary>
public sealed class LotLifeTests
{
    [Fact]
    public void A_lot_opens_after_the_start_delay_and_runs_through_the_calls_to_sold()
    {
        var sale = new Sale("""{ "startDelay": 3, "lots": [ { "id": "a", "opening": 20, "duration": 30 }, { "id": "b", "opening": 5 } ] }""");
        Assert.Equal(LotPhase.Scheduled, sale.Auction.Lots[0].Phase);
        sale.Wait(2.9);
        Assert.Null(sale.Auction.Current);
        sale.Wait(0.2);
        Assert.Equal(LotPhase.Open, sale.Lot.Phase);
        sale.Bid("ana", 20);
        sale.Wait(20.05);
        Assert.Equal(LotPhase.GoingOnce, sale.Lot.Phase);
        sale.Wait(5);
        Assert.Equal(LotPhase.GoingTwice, sale.Lot.Phase);
        sale.Wait(5);
        Assert.Equal(LotPhase.Sold, sale.Auction.Lots[0].Phase);
        Assert.Equal(["opened", "bid", "going-once", "going-twice", "sold"], sale.Log.Select(e => e.Type));
        Assert.Equal(("ana", 20m), (sale.Log[^1].Author, sale.Log[^1].Amount!.Value));
    }

    [Theory]
    [InlineData(null, 0, "passed", "no bids")]
    [InlineData(null, 25, "sold", null)]
    [InlineData(50.0, 25, "passed", "reserve not met")]
    [InlineData(50.0, 50, "sold", null)]
    public void At_zero_the_lot_is_sold_to_the_leader_when_the_reserve_is_met(double? reserve, double bid, string end, string? reason)
    {
        var sale = Sale.Open(new Sale($$"""{ "startDelay": 0, "lots": [ { "id": "a", "opening": 20, "duration": 30 {{(reserve is { } r ? $", \"reserve\": {r}" : "")}} } ] }"""));
        if (bid > 0) sale.Bid("ana", (decimal)bid);
        sale.Wait(31);
        Assert.Equal(end, sale.Log[^1].Type);
        Assert.Equal(reason, sale.Log[^1].Reason);
    }

    [Fact]
    public void The_next_lot_opens_after_the_break()
    {
        var sale = new Sale("""{ "startDelay": 0, "break": 8, "lots": [ { "id": "a", "opening": 20, "duration": 10 }, { "id": "b", "opening": 5, "duration": 30 } ] }""");
        sale.Tick();
        sale.Wait(10.05);
        Assert.Equal(LotPhase.Passed, sale.Auction.Lots[0].Phase);
        sale.Wait(7.9);
        Assert.Equal(LotPhase.Scheduled, sale.Auction.Lots[1].Phase);
        sale.Wait(0.2);
        Assert.Equal(LotPhase.Open, sale.Auction.Lots[1].Phase);
    }

    [Fact]
    public void Pause_stops_the_clock_and_refuses_bids_until_resumed()
    {
        var sale = Sale.OneLot();
        sale.Wait(10);
        sale.Keep(sale.Auction.Pause());
        sale.Wait(100);
        Assert.Equal(LotPhase.Open, sale.Lot.Phase);
        Assert.Equal(50, sale.Lot.Left(sale.Auction.Now), 3);
        Assert.Equal("paused", sale.Bid("ana", 20).Single().Reason);
        sale.Keep(sale.Auction.Resume());
        Assert.Equal("bid", sale.Bid("ana", 20).Single().Type);
        sale.Wait(50.1);
        Assert.Equal(LotPhase.Sold, sale.Lot.Phase);
    }

    [Fact]
    public void Hammer_pass_withdraw_and_extend_are_the_operators()
    {
        var sale = Sale.OneLot();
        sale.Keep(sale.Auction.Extend(15));
        Assert.Equal(75, sale.Lot.Left(sale.Auction.Now), 3);
        sale.Bid("ana", 20);
        Assert.Equal("sold", sale.Keep(sale.Auction.Hammer()).Single().Type);
        Assert.Throws<InvalidOperationException>(() => sale.Auction.Hammer());

        var passed = Sale.OneLot();
        Assert.Equal("passed by the auctioneer", passed.Keep(passed.Auction.Pass()).Single().Reason);

        var withdrawn = Sale.OneLot();
        withdrawn.Bid("ana", 20);
        withdrawn.Keep(withdrawn.Auction.Withdraw(null));
        Assert.Equal(LotPhase.Withdrawn, withdrawn.Lot.Phase);
        Assert.Equal("closed", withdrawn.Bid("bo", 30).Single().Reason);
    }

    [Fact]
    public void Open_refuses_while_a_lot_is_live_and_a_closed_lot_cannot_open_again()
    {
        var sale = new Sale("""{ "startDelay": 0, "autoAdvance": false, "lots": [ { "id": "a", "opening": 20 }, { "id": "b", "opening": 5 } ] }""");
        sale.Wait(5);
        Assert.Null(sale.Auction.Current);
        sale.Keep(sale.Auction.Open("b"));
        Assert.Equal("b", sale.Lot.Spec.Id);
        Assert.Contains("still on the block", Assert.Throws<InvalidOperationException>(() => sale.Auction.Open("a")).Message);
        sale.Keep(sale.Auction.Pass());
        Assert.Contains("only a scheduled lot opens", Assert.Throws<InvalidOperationException>(() => sale.Auction.Open("b")).Message);
        Assert.Throws<KeyNotFoundException>(() => sale.Auction.Open("zz"));
    }
}
