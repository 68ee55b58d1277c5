namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>Applying events: the one place the auction's state changes, for live commands and for rebuilding from records alike.</summary>
internal sealed partial class Auction
{
    /// <summary>
    /// Rebuilds from the records of a previous run: each event once (by its number), in order. <paramref name="clock"/>
    /// is the saved time left of the live lot, newer than its last event when the show's state was saved after it.
    /// </summary>
    public void Rebuild(IEnumerable<AuctionEvent> records, (string Lot, long After, double Remaining)? clock)
    {
        foreach (var e in records.Where(e => e.N > Sequence).GroupBy(e => e.N).Select(g => g.First()).OrderBy(e => e.N)) Apply(e);
        if (Live is { } lot && clock is { } c && c.Lot == lot.Spec.Id && c.After >= Sequence && double.IsFinite(c.Remaining))
        {
            lot.Remaining = Math.Clamp(c.Remaining, 0, 86_400);
            lot.Anchor = Now;
            lot.Phase = lot.PhaseFor(lot.Remaining);
        }
        if (Live is null) _nextOpenAt = Now + Catalogue.Rules.StartDelay;
    }

    /// <summary>Applies one event; events of lots this sale does not have are ignored (a lots file changed between runs).</summary>
    public void Apply(AuctionEvent e)
    {
        Sequence = Math.Max(Sequence, e.N);
        if (e.Type is "banned") _banned.Add(e.Author!);
        if (e.Type is "unbanned") _banned.Remove(e.Author!);
        var lot = e.Lot is null ? null : Lots.FirstOrDefault(l => l.Spec.Id == e.Lot);
        if (lot is null) return;
        var now = Now;
        switch (e.Type)
        {
            case "opened":
                Current = lot;
                lot.Phase = LotPhase.Open;
                Clock(lot, e.Remaining ?? lot.Spec.Duration, now);
                break;
            case "bid":
                lot.Bids.Add(new BidEntry(e.N, e.Author!, e.Amount, e.Proxy, "accepted", null, e.At, e.Chat));
                lot.Price = e.Amount;
                lot.Leader = e.Author;
                lot.LeaderN = e.N;
                Clock(lot, e.Remaining ?? lot.Left(now), now);
                break;
            case "rejected":
                lot.Bids.Add(new BidEntry(e.N, e.Author!, e.Amount, false, e.Reason ?? "rejected", e.Detail, e.At, e.Chat));
                break;
            case "max":
                lot.Proxies[e.Author!] = (e.Amount!.Value, e.N);
                lot.Bids.Add(new BidEntry(e.N, e.Author!, e.Amount, true, "max", null, e.At, e.Chat));
                break;
            case "extended" or "resumed":
                lot.Paused = false;
                Clock(lot, e.Remaining ?? lot.Left(now), now);
                break;
            case "paused":
                lot.Remaining = e.Remaining ?? lot.Left(now);
                lot.Paused = true;
                break;
            case "going-once":
                lot.Phase = LotPhase.GoingOnce;
                break;
            case "going-twice":
                lot.Phase = LotPhase.GoingTwice;
                break;
            case "sold" or "passed" or "withdrawn":
                var wasLive = lot.Phase.TakesBids();
                lot.Phase = e.Type switch { "sold" => LotPhase.Sold, "passed" => LotPhase.Passed, _ => LotPhase.Withdrawn };
                lot.Reason = e.Reason;
                lot.ClosedAt = e.At;
                if (wasLive) _nextOpenAt = now + Catalogue.Rules.Break;
                break;
        }
    }

    /// <summary>Restarts the clock at <paramref name="remaining"/>; the calls start again when a bid lifts it above them.</summary>
    private static void Clock(LotRun lot, double remaining, double now)
    {
        lot.Remaining = remaining;
        lot.Anchor = now;
        if (lot.Phase.TakesBids() && !lot.Paused) lot.Phase = lot.PhaseFor(remaining);
    }
}
