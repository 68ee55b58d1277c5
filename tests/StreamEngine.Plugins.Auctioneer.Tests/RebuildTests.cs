using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>The auction comes back from its records: same lot, leader, price, proxy bids and time left; a record written twice counts once.</summary>
public sealed class RebuildTests
{
    [Fact]
    public void Records_rebuild_the_lot_with_its_leader_price_proxies_and_time_left()
    {
        var sale = Sale.OneLot();
        sale.Max("ana", 300);
        sale.Bid("bo", 50);
        sale.Wait(20);
        sale.Bid("cy", 100);
        sale.Wait(5);
        var records = sale.Log.Where(e => e.Durable).Select(e => e.ToJson().ToJsonString()).ToList();

        var restarted = new Sale("""{ "startDelay": 0, "rateLimit": { "bids": 100, "seconds": 1 }, "lots": [ { "id": "a", "opening": 20, "duration": 60 } ] }""");
        restarted.Clock.Advance(TimeSpan.FromSeconds(1000));
        var read = records.Concat(records.Take(3)).Select(r => AuctionEvent.FromJson(JsonNode.Parse(r)!.AsObject())!);
        restarted.Auction.Rebuild(read, ("a", sale.Auction.Sequence, sale.Lot.Left(sale.Auction.Now)));
        var lot = restarted.Auction.Live!;
        Assert.Equal(("ana", 105m), (lot.Leader, lot.Price!.Value));
        Assert.Equal(300m, lot.Proxies["ana"].Max);
        Assert.Equal(sale.Lot.Bids.Select(b => (b.Author, b.Amount, b.Fate)), lot.Bids.Select(b => (b.Author, b.Amount, b.Fate)));
        Assert.Equal(35, lot.Left(restarted.Auction.Now), 3);
        Assert.Equal("bid", restarted.Bid("bo", 400)[0].Type);
        Assert.Equal(sale.Auction.Sequence + 1, restarted.Log[^1].N);
    }

    [Fact]
    public void Without_a_newer_clock_the_time_left_is_the_last_events()
    {
        var sale = Sale.OneLot();
        sale.Wait(52);
        sale.Bid("ana", 20);
        var restarted = new Sale("""{ "startDelay": 0, "lots": [ { "id": "a", "opening": 20, "duration": 60 } ] }""");
        restarted.Auction.Rebuild(sale.Log.Where(e => e.Durable), null);
        Assert.Equal(18, restarted.Auction.Live!.Left(restarted.Auction.Now), 3);
    }
}
