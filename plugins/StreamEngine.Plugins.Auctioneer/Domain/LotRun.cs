using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>A bid as the sales log keeps it: who, how much, and its fate (<c>accepted</c>, or the refusal's reason).</summary>
internal sealed record BidEntry(long N, string Author, decimal? Amount, bool Proxy, string Fate, string? Detail, double At, long? Chat);

/// <summary>One lot's life: its phase, price, leader, bids, proxy bids and clock.</summary>
internal sealed class LotRun(LotSpec spec)
{
    public LotSpec Spec { get; } = spec;
    public LotPhase Phase { get; set; } = LotPhase.Scheduled;
    public decimal? Price { get; set; }
    public string? Leader { get; set; }
    private readonly List<BidEntry> _bids = [];
    private readonly List<int> _acceptedSoFar = []; // beside each entry: the accepted bids up to it, so counts cost no scan

    /// <summary>Every bid with its fate, in the order judged (by event number).</summary>
    public IReadOnlyList<BidEntry> Bids => _bids;

    /// <summary>Each holder's maximum and the event that set it (earlier wins a tie).</summary>
    public Dictionary<string, (decimal Max, long N)> Proxies { get; } = new(StringComparer.Ordinal);

    /// <summary>Seconds left at <see cref="Anchor"/> (show time); the clock runs while the lot takes bids and is not paused.</summary>
    public double Remaining { get; set; }
    public double Anchor { get; set; }
    public bool Paused { get; set; }

    /// <summary>When the clock runs out in wall-clock Unix seconds, as the last event that set it recorded; null while paused.</summary>
    public double? Deadline { get; set; }
    public string? Reason { get; set; }
    public double? ClosedAt { get; set; }

    /// <summary>The event of the leading bid (a tie goes to the earlier one).</summary>
    public long LeaderN { get; set; }

    public int Accepted => _acceptedSoFar.Count == 0 ? 0 : _acceptedSoFar[^1];

    public void AddBid(BidEntry bid)
    {
        _bids.Add(bid);
        _acceptedSoFar.Add(Accepted + (bid.Fate == "accepted" ? 1 : 0));
    }

    /// <summary>The accepted bids up to event <paramref name="n"/> (the count an announcement of that event shows).</summary>
    public int AcceptedUpTo(long n)
    {
        int lo = 0, hi = _bids.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_bids[mid].N <= n) (found, lo) = (mid, mid + 1);
            else hi = mid - 1;
        }
        return found < 0 ? 0 : _acceptedSoFar[found];
    }

    public double Left(double now) => Phase.TakesBids() && !Paused ? Math.Max(0, Remaining - (now - Anchor)) : Remaining;

    /// <summary>The least a new bid must be: the opening price, then the price plus the increment.</summary>
    public decimal Asking => Price is { } p ? p + Spec.Increment.After(p) : Spec.Opening;

    public bool ReserveMet => Spec.Reserve is not { } reserve || Price >= reserve;

    /// <summary>The phase the clock implies for a lot taking bids.</summary>
    public LotPhase PhaseFor(double left) => left > Spec.GoingOnceAt ? LotPhase.Open : left > Spec.GoingTwiceAt ? LotPhase.GoingOnce : LotPhase.GoingTwice;

    public JsonObject ToJson(double now) => new()
    {
        ["lot"] = Spec.Id, ["title"] = Spec.Title, ["artist"] = Spec.Artist, ["phase"] = Phase.Name(), ["paused"] = Paused,
        ["price"] = Price, ["display"] = Spec.Money(Price ?? Spec.Opening), ["leader"] = Leader, ["asking"] = Phase.IsClosed() ? null : Asking, ["currency"] = Spec.Currency,
        ["increment"] = Spec.Increment.After(Price ?? Spec.Opening), ["reserve"] = Spec.Reserve, ["reserveMet"] = ReserveMet,
        ["bids"] = Accepted, ["remaining"] = Math.Round(Left(now), 2), ["duration"] = Spec.Duration, ["reason"] = Reason,
    };
}
