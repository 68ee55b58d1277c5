using System.Globalization;
using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// What the audience sees, through the show API, on the layers with these ids (any that the scene lacks are left
/// alone): <c>artwork</c> (the lot's image and metadata), <c>price-card</c>, <c>countdown</c> (its <c>remaining</c>
/// runs down as a tween, so the engine draws every frame of it), <c>banner</c> (going once/twice, sold, passed),
/// <c>bid-flash</c> (the bidder's name and price, sprung in), <c>confetti</c> (a tween of its progress).
/// Within a batch of events only the resulting price is shown: a proxy bid's answer replaces the bid it answered.
/// </summary>
internal sealed partial class Screen(IShowApi show)
{
    private const double UrgentBelow = 10;

    /// <summary>In a flurry of bids the flash and the card's pop play at most this often; meanwhile they show the newest price.</summary>
    private const double FlashEvery = 0.6;
    private IScriptAnimation? _countdown;
    private double _countdownEnds, _lastFlash = double.NegativeInfinity;
    private bool _bannerUp = true; // as far as we know: a restored scene may have one up
    private int _number;

    /// <summary>Draws the sale as it stands (after loading or a restart).</summary>
    public void Ready(Auction auction)
    {
        LookAtScene();
        if (auction.Live is { } lot)
        {
            LotIn(auction, lot);
            Price(auction, lot, null);
            Countdown(auction, lot);
        }
        else HideBanner();
    }

    public void Show(Auction auction, IReadOnlyList<AuctionEvent> events)
    {
        var clockChanged = false;
        AuctionEvent? lastBid = null;
        foreach (var e in events)
        {
            var lot = e.Lot is null ? null : auction.Lots.FirstOrDefault(l => l.Spec.Id == e.Lot);
            if (lot is null) continue;
            switch (e.Type)
            {
                case "opened":
                    LookAtScene();
                    LotIn(auction, lot);
                    lastBid = null;
                    clockChanged = true;
                    break;
                case "bid":
                    lastBid = e;
                    clockChanged = true;
                    break;
                case "extended" or "paused" or "resumed":
                    clockChanged = true;
                    Price(auction, lot, null);
                    break;
                case "going-once" or "going-twice":
                    Banner(e.Type == "going-once" ? "GOING ONCE" : "GOING TWICE", e.Type == "going-once" ? "once" : "twice", lot.Spec.Money(lot.Price ?? lot.Spec.Opening), hideAfter: 1.5);
                    Price(auction, lot, null);
                    break;
                case "sold" or "passed" or "withdrawn":
                    Closed(lot, e);
                    break;
            }
        }
        if (lastBid is not null && auction.Lots.FirstOrDefault(l => l.Spec.Id == lastBid.Lot) is { } bidLot) Bid(auction, bidLot, lastBid);
        if (clockChanged && auction.Current is { } current) Countdown(auction, current);
    }

    /// <summary>The live lot's clock was put back on its deadline: the countdown runs from the new time left.</summary>
    public void ClockMoved(Auction auction)
    {
        if (auction.Live is { } lot) Countdown(auction, lot);
    }

    private void LotIn(Auction auction, LotRun lot)
    {
        _number = auction.Lots.ToList().IndexOf(lot) + 1;
        var metadata = new JsonObject();
        // A merge patch keeps keys it does not name: the previous lot's (or the scene's) other metadata is removed.
        if (_present.Contains("artwork") && show.Layer("artwork")?["props"]?["metadata"] is JsonObject old)
            foreach (var (k, _) in old) metadata[k] = null;
        (metadata["title"], metadata["artist"]) = (lot.Spec.Title, lot.Spec.Artist);
        foreach (var (k, v) in lot.Spec.Metadata.Take(4)) metadata[k] = v;
        // Transparent until the entrance plays (an animation starts at the next frame): the new lot never shows for a frame first.
        Patch("artwork", Entering("artwork", new JsonObject { ["props"] = new JsonObject { ["src"] = lot.Spec.Image, ["metadata"] = metadata } }));
        Animate("artwork", """{ "id": "auction-artwork-in", "kind": "parallel", "children": [ { "kind": "effect", "effect": "fadeIn", "duration": 0.6 }, { "kind": "effect", "effect": "slideIn", "from": "bottom", "distance": 40, "duration": 0.6 } ] }""");
        HideBanner();
        Patch("confetti", new JsonObject { ["visible"] = false });
        Price(auction, lot, null);
        Patch("price-card", Entering("price-card", new JsonObject()));
        Animate("price-card", """{ "id": "auction-card-in", "kind": "parallel", "delay": 0.3, "children": [ { "kind": "effect", "effect": "fadeIn", "duration": 0.6 }, { "kind": "effect", "effect": "slideIn", "from": "bottom", "distance": 60, "duration": 0.6, "easing": "easeOutCubic" } ] }""");
    }

    private void Bid(Auction auction, LotRun lot, AuctionEvent bid)
    {
        Price(auction, lot, bid);
        HideBanner();
        var text = $"{bid.Author}\n{lot.Spec.Money(bid.Amount!.Value)}";
        // Restarted at every frame of a flood (200 bids a second) the flash and the pop would never settle on screen.
        if (show.Now.Seconds - _lastFlash < FlashEvery)
        {
            Patch("bid-flash", new JsonObject { ["props"] = new JsonObject { ["text"] = text } });
            return;
        }
        _lastFlash = show.Now.Seconds;
        Patch("bid-flash", Entering("bid-flash", new JsonObject { ["visible"] = true, ["props"] = new JsonObject { ["text"] = text } }));
        Animate("bid-flash", """{ "id": "auction-bid-flash", "kind": "sequence", "children": [ { "kind": "parallel", "children": [ { "kind": "effect", "effect": "fadeIn", "duration": 0.15 }, { "kind": "spring", "property": "scale", "from": 0.4, "to": 1, "stiffness": 260, "damping": 12 } ] }, { "kind": "effect", "effect": "fadeOut", "delay": 1.2, "duration": 0.4 } ] }""");
        Animate("price-card", """{ "id": "auction-price-pop", "kind": "spring", "property": "scale", "from": 1.04, "to": 1, "stiffness": 320, "damping": 11 }""");
    }

    private void Price(Auction auction, LotRun lot, AuctionEvent? bid)
    {
        var price = bid?.Amount ?? lot.Price;
        var number = auction.Lots.ToList().IndexOf(lot) + 1;
        Patch("price-card", new JsonObject
        {
            ["visible"] = true,
            ["props"] = new JsonObject
            {
                ["lot"] = number, ["title"] = lot.Spec.Title, ["artist"] = lot.Spec.Artist,
                ["label"] = price is null ? "OPENING BID" : lot.Phase == LotPhase.Sold ? "SOLD FOR" : "CURRENT BID",
                ["price"] = price ?? lot.Spec.Opening, ["currency"] = lot.Spec.Currency,
                ["leader"] = bid?.Author ?? lot.Leader, ["bids"] = bid is null ? lot.Accepted : lot.AcceptedUpTo(bid.N),
                ["status"] = Status(lot),
            },
        });
    }

    private void Countdown(Auction auction, LotRun lot)
    {
        var left = Math.Round(lot.Left(auction.Now), 3);
        var ends = show.Now.Seconds + show.Now.FrameDuration + left;
        // A bid that did not move the clock leaves the running countdown alone.
        if (_countdown is not null && !lot.Paused && lot.Phase.TakesBids() && Math.Abs(ends - _countdownEnds) < show.Now.FrameDuration / 2) return;
        var total = Math.Max(lot.Spec.Duration, left);
        Patch("countdown", new JsonObject { ["visible"] = !lot.Phase.IsClosed(), ["props"] = new JsonObject { ["remaining"] = left, ["total"] = total, ["urgentBelow"] = UrgentBelow } });
        StopCountdown();
        if (!_present.Contains("countdown") || lot.Paused || !lot.Phase.TakesBids() || left <= 0) return;
        _countdown = show.Animate("countdown", new JsonObject
        {
            ["id"] = "auction-countdown", ["kind"] = "tween", ["property"] = "props.remaining",
            ["from"] = left, ["to"] = 0, ["duration"] = left, ["easing"] = "linear",
        });
        _countdownEnds = ends; // it starts at the next frame and is gone once it has run down
    }

    /// <summary>
    /// Stops the running countdown tween. The stop takes effect at the next frame: a tween that has run down by then
    /// is already gone, and stopping it would only log an error.
    /// </summary>
    private void StopCountdown()
    {
        if (_countdown is not null && show.Now.Seconds + show.Now.FrameDuration < _countdownEnds - 1e-6)
        {
            try { _countdown.Stop(); }
            catch (Exception e) when (e is not OutOfMemoryException) { } // finished meanwhile: the engine already forgot it
        }
        _countdown = null;
    }

    private void HideBanner()
    {
        if (!_bannerUp) return;
        _bannerUp = false;
        Patch("banner", new JsonObject { ["visible"] = false });
    }

    private void Closed(LotRun lot, AuctionEvent e)
    {
        StopCountdown();
        Patch("countdown", new JsonObject { ["props"] = new JsonObject { ["remaining"] = 0 } });
        var (text, style, subtext) = e.Type switch
        {
            "sold" => ("SOLD", "sold", $"to {e.Author} for {lot.Spec.Money(e.Amount ?? 0)}"),
            "passed" => ("PASSED", "passed", e.Reason ?? ""),
            _ => ("WITHDRAWN", "info", lot.Spec.Title),
        };
        Banner(text, style, subtext, hideAfter: null);
        Patch("price-card", new JsonObject { ["props"] = new JsonObject { ["status"] = Status(lot), ["label"] = e.Type == "sold" ? "SOLD FOR" : lot.Price is null ? "OPENING BID" : "CURRENT BID" } });
        if (e.Type != "sold" || !_present.Contains("confetti")) return;
        Patch("confetti", new JsonObject { ["visible"] = true, ["props"] = new JsonObject { ["seed"] = _number, ["progress"] = 0 } });
        Animate("confetti", """{ "id": "auction-confetti", "kind": "tween", "property": "props.progress", "from": 0, "to": 1, "duration": 2.5, "easing": "linear" }""");
    }

    private void Banner(string text, string style, string subtext, double? hideAfter)
    {
        _bannerUp = true;
        Patch("banner", Entering("banner", new JsonObject { ["visible"] = true, ["props"] = new JsonObject { ["text"] = text, ["style"] = style, ["subtext"] = subtext } }));
        var entrance = style is "sold" or "passed"
            ? """{ "kind": "effect", "effect": "scaleIn", "duration": 0.45 }, { "kind": "effect", "effect": "fadeIn", "duration": 0.25 }"""
            : """{ "kind": "effect", "effect": "slideIn", "from": "left", "distance": 700, "duration": 0.45 }, { "kind": "effect", "effect": "fadeIn", "duration": 0.25 }""";
        var exit = hideAfter is { } after ? $$""", { "kind": "effect", "effect": "fadeOut", "duration": 0.3, "delay": {{Seconds(after)}} }""" : "";
        Animate("banner", $$"""{ "id": "auction-banner", "kind": "sequence", "children": [ { "kind": "parallel", "children": [ {{entrance}} ] }{{exit}} ] }""");
    }

    /// <summary>The card's status chip: scheduled, open, once, twice, sold, passed, withdrawn.</summary>
    private static string Status(LotRun lot) => lot.Phase switch
    {
        LotPhase.GoingOnce => "once",
        LotPhase.GoingTwice => "twice",
        _ => lot.Phase.Name(),
    };

    internal static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);
}
