using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// A throwaway sale on a clock of its own, run once as the behaviour starts (the first frame, whose time does not count
/// against the stream): a lots file read, bids, a max bid, a too-low bid, the calls and the sale, each event written
/// and read back as a record, the host's lines filled in. Its first runs happen here instead of on the first bids of a
/// live lot, where compiling them stopped the frame thread (8 frames dropped in a 200 bids/s flood's first seconds).
/// Nothing of it reaches the show.
/// </summary>
internal static class Rehearsal
{
    private const string Lots = """
        { "startDelay": 0, "duration": 5, "goingOnce": 2, "goingTwice": 1, "antiSniping": { "extend": 2, "within": 2 }, "rateLimit": { "bids": 100, "seconds": 1 },
          "lots": [ { "id": "r", "title": "Rehearsal", "artist": "-", "opening": 10, "reserve": 15, "metadata": { "year": "2026" } } ] }
        """;

    /// <summary>Runs the sale to its end; returns its events (a test checks it went through every moment).</summary>
    public static IReadOnlyList<AuctionEvent> Run()
    {
        var clock = new ManualClock();
        var auction = new Auction(Catalogue.Read(JsonNode.Parse(Lots)), clock);
        var events = new List<AuctionEvent>(auction.Tick());
        var message = new ChatMessage(1, "r1", "rehearsal", "a", "$12", [], null, null, new FrameTime(0, 30));
        if (BidText.TryRead(message, out var bid) && bid is not null) events.AddRange(auction.Bid("a", bid.Amount, bid.Raise, bid.Currency, 1));
        if (AuctioneerBehaviour.ReadMax("max 40") is { } max) events.AddRange(auction.PlaceMax("b", max.Amount, max.Currency, 2));
        events.AddRange(auction.Bid("c", 11, chat: 3));
        events.AddRange(auction.Bid("c", 5, raise: true, chat: 4));
        events.AddRange(auction.Bid("d", 11, chat: 5)); // too low by now
        for (var i = 0; i < 100 && auction.Live is not null; i++)
        {
            clock.Advance(0.1);
            events.AddRange(auction.Tick());
        }
        foreach (var e in events)
        {
            _ = AuctionEvent.FromJson(JsonNode.Parse(e.ToJson().ToJsonString())!.AsObject());
            if (e.Lot is not null && auction.Lots.FirstOrDefault(l => l.Spec.Id == e.Lot) is { } lot) _ = lot.ToJson(clock.Seconds).ToJsonString();
        }
        return events;
    }

    private sealed class ManualClock : TimeProvider
    {
        public double Seconds { get; private set; }

        public void Advance(double seconds) => Seconds += seconds;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddSeconds(Seconds);
    }
}
