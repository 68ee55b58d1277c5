using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer.Tests;

/// <summary>An auction on a manual clock: lots from a lots-file fragment, time moved by hand.</summary>
internal sealed class Sale
{
    public readonly FakeTimeProvider Clock = new(DateTimeOffset.UnixEpoch);
    public readonly FakeTimeProvider Wall;
    public readonly Auction Auction;
    public readonly List<AuctionEvent> Log = [];
    private readonly string _lots;

    /// <param name="wall">The wall clock the deadlines are written in; by default the show's own clock.</param>
    public Sale(string lotsJson, FakeTimeProvider? wall = null)
    {
        _lots = lotsJson;
        Wall = wall ?? Clock;
        Auction = new Auction(Catalogue.Read(JsonNode.Parse(lotsJson)), Clock, Wall);
    }

    /// <summary>The same sale started again from these records, <paramref name="downSeconds"/> later on the wall clock (show time starts again).</summary>
    public Sale Restart(double downSeconds, IEnumerable<AuctionEvent>? records = null)
    {
        var restarted = new Sale(_lots, new FakeTimeProvider(Wall.GetUtcNow().AddSeconds(downSeconds)));
        restarted.Auction.Rebuild(records ?? Log.Where(e => e.Durable));
        return restarted;
    }

    /// <summary>One USD lot opened at once: opening 20, 60 s, default bands, extend 10 s within the last 10 s.</summary>
    public static Sale OneLot(string extra = "") => Open(new Sale($$"""{ "startDelay": 0, "rateLimit": { "bids": 100, "seconds": 1 }, {{extra}} "lots": [ { "id": "a", "opening": 20, "duration": 60 } ] }"""));

    public static Sale Open(Sale sale)
    {
        sale.Tick();
        return sale;
    }

    public LotRun Lot => Auction.Current!;

    public IReadOnlyList<AuctionEvent> Tick() => Keep(Auction.Tick());

    public void Wait(double seconds, double step = 0.1)
    {
        for (var t = 0.0; t < seconds - 1e-9; t += step)
        {
            Clock.Advance(TimeSpan.FromSeconds(Math.Min(step, seconds - t)));
            Tick();
        }
    }

    public IReadOnlyList<AuctionEvent> Bid(string author, decimal amount, bool raise = false, string? currency = null) => Keep(Auction.Bid(author, amount, raise, currency));

    public IReadOnlyList<AuctionEvent> Max(string author, decimal max) => Keep(Auction.PlaceMax(author, max));

    public IReadOnlyList<AuctionEvent> Keep(IReadOnlyList<AuctionEvent> events)
    {
        Log.AddRange(events);
        return events;
    }
}
