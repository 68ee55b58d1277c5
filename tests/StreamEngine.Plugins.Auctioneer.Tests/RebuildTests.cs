using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>The auction comes back from its records: same lot, leader, price, proxy bids and time left; a record written twice counts once.</summary>
public sealed class RebuildTests
{
    [Fact]
    public void Records_rebuild_the_lot_with_its_leader_price_proxies_and_the_clock_running_to_its_deadline()
    {
        var sale = Sale.OneLot();
        sale.Max("ana", 300);
        sale.Bid("bo", 50);
        sale.Wait(20);
        sale.Bid("cy", 100);
        sale.Wait(5);
        var records = sale.Log.Where(e => e.Durable).Select(e => e.ToJson().ToJsonString()).ToList();

        // Down for 3 s: some records were written twice; the restarted engine's show time starts from 0 again.
        var read = records.Concat(records.Take(3)).Select(r => AuctionEvent.FromJson(JsonNode.Parse(r)!.AsObject())!);
        var restarted = sale.Restart(3, read);
        var lot = restarted.Auction.Live!;
        Assert.Equal(("ana", 105m), (lot.Leader, lot.Price!.Value));
        Assert.Equal(300m, lot.Proxies["ana"].Max);
        Assert.Equal(sale.Lot.Bids.Select(b => (b.Author, b.Amount, b.Fate)), lot.Bids.Select(b => (b.Author, b.Amount, b.Fate)));
        Assert.Equal(35 - 3, lot.Left(restarted.Auction.Now), 3);
        Assert.Equal("bid", restarted.Bid("bo", 400)[0].Type);
        Assert.Equal(sale.Auction.Sequence + 1, restarted.Log[^1].N);
    }

    [Fact]
    public void An_extension_moves_the_deadline_a_restart_resumes_from()
    {
        var sale = Sale.OneLot();
        sale.Wait(52);
        sale.Bid("ana", 20);   // 8 s left: anti-sniping makes it 18
        sale.Wait(2);
        sale.Keep(sale.Auction.Extend(30));
        sale.Wait(1);
        var restarted = sale.Restart(0.5);
        Assert.Equal(18 - 2 + 30 - 1 - 0.5, restarted.Auction.Live!.Left(restarted.Auction.Now), 3);
        Assert.Equal(LotPhase.Open, restarted.Lot.Phase);
    }

    [Fact]
    public void A_lot_whose_deadline_passed_while_the_engine_was_down_comes_back_for_its_last_call()
    {
        var sale = Sale.OneLot();
        sale.Wait(40);
        sale.Bid("ana", 20);
        var restarted = sale.Restart(60);
        Assert.Equal(5.5, restarted.Auction.Live!.Left(restarted.Auction.Now), 3);
        Assert.Equal(LotPhase.GoingOnce, restarted.Lot.Phase);
        restarted.Wait(1);
        Assert.Equal(LotPhase.GoingTwice, restarted.Lot.Phase);
        Assert.Contains(restarted.Log, e => e.Type == "going-twice");
        restarted.Wait(5);
        Assert.Equal(("sold", "ana"), (restarted.Log[^1].Type, restarted.Log[^1].Author));
    }

    [Fact]
    public void A_paused_lot_comes_back_paused_with_the_time_it_was_paused_with()
    {
        var sale = Sale.OneLot();
        sale.Wait(20);
        sale.Keep(sale.Auction.Pause());
        sale.Wait(10);
        var restarted = sale.Restart(100);
        Assert.True(restarted.Lot.Paused);
        Assert.Equal(40, restarted.Lot.Left(restarted.Auction.Now), 3);
        restarted.Keep(restarted.Auction.Resume());
        restarted.Wait(10);
        Assert.Equal(30, restarted.Lot.Left(restarted.Auction.Now), 3);
    }

    [Fact]
    public void A_running_lot_keeps_to_its_deadline_when_show_time_falls_behind_the_wall_clock()
    {
        var sale = Sale.OneLot();
        sale.Wait(10);
        var restarted = sale.Restart(2);          // 48 s left on the wall clock
        Assert.False(restarted.Auction.KeepToDeadline());
        restarted.Wall.Advance(TimeSpan.FromSeconds(3)); // the engine fell 3 s behind
        Assert.True(restarted.Auction.KeepToDeadline());
        Assert.Equal(45, restarted.Lot.Left(restarted.Auction.Now), 3);
        restarted.Wait(0.2);
        restarted.Wall.Advance(TimeSpan.FromSeconds(0.2));
        Assert.False(restarted.Auction.KeepToDeadline()); // in step again: nothing moves
    }
}
