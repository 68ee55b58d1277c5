namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>Judging bids: the refusals in order, raises, proxy (max) bids.</summary>
internal sealed partial class Auction
{
    /// <summary>
    /// A bid of <paramref name="amount"/> (a raise on the current price when <paramref name="raise"/>) by
    /// <paramref name="author"/>. Accepted when the lot is open and not paused, the author is not banned nor over the
    /// rate limit, the currency is the lot's, the author does not already lead and the amount is at least the asking
    /// price. Proxy bids of rivals then answer it.
    /// </summary>
    public IReadOnlyList<AuctionEvent> Bid(string author, decimal amount, bool raise = false, string? currency = null, long? chat = null)
    {
        var lot = Live;
        var value = raise && lot is not null ? (lot.Price ?? lot.Spec.Opening) + amount : amount;
        if (Refusal(lot, author, value, currency) is { } refused) return [Do(Rejected(lot, author, value, chat, refused.Reason, refused.Detail))];
        if (lot!.Leader == author) return [Do(Rejected(lot, author, value, chat, "already-leading", $"{author} already leads at {lot.Spec.Money(lot.Price!.Value)}"))];
        if (value < lot.Asking) return [Do(Rejected(lot, author, value, chat, "too-low", $"the next bid is at least {lot.Spec.Money(lot.Asking)}"))];
        var events = new List<AuctionEvent> { Do(Accepted(lot, author, value, proxy: false, chat)) };
        Contest(lot, events, chat);
        return events;
    }

    /// <summary>
    /// A proxy bid: the engine bids for <paramref name="author"/> one increment above any rival, up to
    /// <paramref name="max"/>, as eBay does; the screen shows only the resulting price. The leader may raise their max.
    /// </summary>
    public IReadOnlyList<AuctionEvent> PlaceMax(string author, decimal max, string? currency = null, long? chat = null)
    {
        var lot = Live;
        if (Refusal(lot, author, max, currency) is { } refused) return [Do(Rejected(lot, author, max, chat, refused.Reason, refused.Detail))];
        var floor = lot!.Leader == author ? Math.Max(lot.Price!.Value, lot.Proxies.GetValueOrDefault(author).Max) : lot.Asking - 0.000000001m;
        if (max <= floor)
            return [Do(Rejected(lot, author, max, chat, "too-low", lot.Leader == author ? $"a new max must be above {lot.Spec.Money(floor)}" : $"the next bid is at least {lot.Spec.Money(lot.Asking)}"))];
        var events = new List<AuctionEvent> { Do(new AuctionEvent(Sequence + 1, "max", lot.Spec.Id) { Author = author, Amount = max, Chat = chat, At = Now }) };
        Contest(lot, events, chat);
        return events;
    }

    private (string Reason, string Detail)? Refusal(LotRun? lot, string author, decimal value, string? currency)
    {
        if (lot is null) return ("closed", "no lot is taking bids");
        if (lot.Paused) return ("paused", "bidding is paused");
        if (_banned.Contains(author)) return ("banned", $"{author} may not bid");
        if (!WithinRate(author)) return ("rate-limited", $"at most {Catalogue.Rules.RateBids} bids in {Catalogue.Rules.RateSeconds:0.#} s");
        if (currency is not null && !currency.Equals(lot.Spec.Currency, StringComparison.OrdinalIgnoreCase))
            return ("currency", $"this lot is sold in {lot.Spec.Currency}");
        if (value <= 0 || value > Json.MaxPrice) return ("too-high", $"expected an amount up to {Json.MaxPrice:#,0}");
        return null;
    }

    /// <summary>Counts the attempt; false when the author already made the most a window allows.</summary>
    private bool WithinRate(string author)
    {
        var now = Now;
        if (!_attempts.TryGetValue(author, out var times)) _attempts[author] = times = new Queue<double>();
        while (times.Count > 0 && times.Peek() <= now - Catalogue.Rules.RateSeconds) times.Dequeue();
        if (times.Count >= Catalogue.Rules.RateBids) return false;
        times.Enqueue(now);
        if (_attempts.Count > 10_000) foreach (var idle in _attempts.Where(a => a.Value.Count == 0).Select(a => a.Key).ToList()) _attempts.Remove(idle);
        return true;
    }

    /// <summary>
    /// Proxy bids answer until none can: the strongest rival max (ties: the earlier) against the leader's strength
    /// (their max, else the price). The winner leads one increment above the loser's max, capped at its own max; a tie
    /// of maxima goes to the earlier one at that amount. The bids placed for the holders carry the chat message they
    /// answer (<paramref name="chat"/>), so the sales log keeps every bid in the order of the messages that caused it.
    /// </summary>
    private void Contest(LotRun lot, List<AuctionEvent> events, long? chat)
    {
        if (lot.Proxies.Count == 0) return; // the common case, at every bid of a flood: nothing to sort
        for (var round = 0; round < 1000; round++)
        {
            var leaderN = lot.Leader is { } l && lot.Proxies.TryGetValue(l, out var own) ? Math.Min(own.N, lot.LeaderN) : lot.LeaderN;
            var rival = lot.Proxies.Where(p => p.Key != lot.Leader && (lot.Price is not { } price ? p.Value.Max >= lot.Asking : p.Value.Max > price || p.Value.Max == price && p.Value.N < leaderN))
                .OrderByDescending(p => p.Value.Max).ThenBy(p => p.Value.N).Select(p => (Author: p.Key, p.Value.Max, p.Value.N)).FirstOrDefault();
            if (rival.Author is null) return;
            if (lot.Leader is null)
            {
                events.Add(Do(Accepted(lot, rival.Author, lot.Asking, proxy: true, chat)));
                continue;
            }
            var strength = lot.Proxies.TryGetValue(lot.Leader, out var mine) ? Math.Max(mine.Max, lot.Price!.Value) : lot.Price!.Value;
            if (rival.Max > strength || rival.Max == strength && rival.N < leaderN)
            {
                // Capped at the rival's max: a proxy may beat a price by less than a whole increment, never its own max.
                var price = rival.Max == strength ? strength : Math.Min(rival.Max, strength + lot.Spec.Increment.After(strength));
                events.Add(Do(Accepted(lot, rival.Author, price, proxy: true, chat)));
            }
            else
            {
                var price = rival.Max == strength ? strength : Math.Min(strength, rival.Max + lot.Spec.Increment.After(rival.Max));
                if (price <= lot.Price) return;
                events.Add(Do(Accepted(lot, lot.Leader, price, proxy: true, chat)));
            }
        }
    }

    private AuctionEvent Accepted(LotRun lot, string author, decimal amount, bool proxy, long? chat)
    {
        var remaining = lot.Spec.AntiSniping.After(lot.Left(Now));
        return new(Sequence + 1, "bid", lot.Spec.Id) { Author = author, Amount = amount, Proxy = proxy, Chat = chat, Remaining = remaining, Deadline = DeadlineIn(remaining), At = Now };
    }

    private AuctionEvent Rejected(LotRun? lot, string author, decimal amount, long? chat, string reason, string detail) =>
        new(Sequence + 1, "rejected", lot?.Spec.Id ?? Current?.Spec.Id) { Author = author, Amount = amount, Chat = chat, Reason = reason, Detail = detail, At = Now };
}
