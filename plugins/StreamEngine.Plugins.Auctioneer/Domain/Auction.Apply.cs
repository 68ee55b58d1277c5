namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>Applying events: the one place the auction's state changes, for live commands and for rebuilding from records alike.</summary>
internal sealed partial class Auction
{
    /// <summary>
    /// Rebuilds from the records of a previous run: each event once (by its number), in order. The live lot's clock
    /// runs to the deadline its last clock event recorded, so it went on while the engine was down, as the audience's
    /// did. A lot whose deadline passed meanwhile comes back for its last call (just above the going-twice time), so it
    /// is not knocked down before anyone could bid again. A paused lot keeps the time it was paused with.
    /// </summary>
    public void Rebuild(IEnumerable<AuctionEvent> records)
    {
        foreach (var e in records.Where(e => e.N > Sequence).GroupBy(e => e.N).Select(g => g.First()).OrderBy(e => e.N)) Apply(e);
        if (Live is { Paused: false, Deadline: { } deadline } lot && double.IsFinite(deadline))
        {
            var left = deadline - WallNow;
            lot.Remaining = left > 0 ? Math.Min(left, 86_400) : Math.Min(lot.Remaining, lot.Spec.GoingTwiceAt + 0.5);
            lot.Anchor = Now;
            lot.Deadline = WallNow + lot.Remaining;
            lot.Phase = lot.PhaseFor(lot.Remaining);
        }
        if (Live is null) _nextOpenAt = Now + Catalogue.Rules.StartDelay;
    }

    /// <summary>
    /// Keeps the live lot's clock on its wall-clock deadline when show time has drifted from it by more than a quarter
    /// of a second: an engine that falls behind (a busy machine, the first seconds after a restart) catches up by
    /// skipping frames, and a lot restored just then would otherwise end early. True when the clock moved. Live shows
    /// with a store only: an offline render keeps to show time, so it repeats.
    /// </summary>
    public bool KeepToDeadline()
    {
        if (Live is not { Paused: false, Deadline: { } deadline } lot || !double.IsFinite(deadline)) return false;
        var left = Math.Max(0, deadline - WallNow);
        if (Math.Abs(lot.Left(Now) - left) <= 0.25) return false;
        lot.Remaining = Math.Min(left, 86_400);
        lot.Anchor = Now;
        return true;
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
                lot.Deadline = e.Deadline;
                Clock(lot, e.Remaining ?? lot.Spec.Duration, now);
                break;
            case "bid":
                lot.AddBid(new BidEntry(e.N, e.Author!, e.Amount, e.Proxy, "accepted", null, e.At, e.Chat));
                lot.Price = e.Amount;
                lot.Leader = e.Author;
                lot.LeaderN = e.N;
                lot.Deadline = e.Deadline ?? lot.Deadline;
                Clock(lot, e.Remaining ?? lot.Left(now), now);
                break;
            case "rejected":
                lot.AddBid(new BidEntry(e.N, e.Author!, e.Amount, false, e.Reason ?? "rejected", e.Detail, e.At, e.Chat));
                break;
            case "max":
                lot.Proxies[e.Author!] = (e.Amount!.Value, e.N);
                lot.AddBid(new BidEntry(e.N, e.Author!, e.Amount, true, "max", null, e.At, e.Chat));
                break;
            case "extended" or "resumed":
                lot.Paused = false;
                lot.Deadline = e.Deadline;
                Clock(lot, e.Remaining ?? lot.Left(now), now);
                break;
            case "paused":
                lot.Remaining = e.Remaining ?? lot.Left(now);
                lot.Paused = true;
                lot.Deadline = null;
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
