using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>
/// Something that happened in the sale. The auction changes only by applying events, so the records in the state
/// store rebuild it exactly after a restart; <see cref="N"/> orders them and lets a record written twice count once.
/// Types: <c>opened</c>, <c>bid</c>, <c>rejected</c>, <c>max</c>, <c>extended</c>, <c>paused</c>, <c>resumed</c>,
/// <c>going-once</c>, <c>going-twice</c>, <c>sold</c>, <c>passed</c>, <c>withdrawn</c>, <c>banned</c>, <c>unbanned</c>.
/// </summary>
internal sealed record AuctionEvent(long N, string Type, string? Lot)
{
    public string? Author { get; init; }

    /// <summary>The bid's amount, the max of a proxy bid, the hammer price.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The bid was placed by the engine for a proxy (max) bid's holder.</summary>
    public bool Proxy { get; init; }

    /// <summary>Why a bid was refused (<c>too-low</c>, <c>closed</c>, <c>banned</c>, <c>rate-limited</c> …) or a lot passed.</summary>
    public string? Reason { get; init; }

    /// <summary>What the refusal says to the bidder (the asking price …).</summary>
    public string? Detail { get; init; }

    /// <summary>Seconds left on the lot's clock right after the event.</summary>
    public double? Remaining { get; init; }

    /// <summary>The chat message's sequence the bid came from; null for the API.</summary>
    public long? Chat { get; init; }

    /// <summary>The lot's title and currency, on <c>opened</c>: the sales log reads without the lots file.</summary>
    public string? Title { get; init; }

    public string? Currency { get; init; }

    /// <summary>
    /// When the lot's clock runs out, as wall-clock Unix seconds, on the events that set it (opened, a bid, extended,
    /// resumed): written before the event is announced, so a restart resumes the clock the audience saw.
    /// </summary>
    public double? Deadline { get; init; }

    /// <summary>Show time of the event, in seconds.</summary>
    public double At { get; init; }

    /// <summary>Whether it is written to the store before it is announced (the calls are derived from the clock).</summary>
    public bool Durable => Type is not ("going-once" or "going-twice");

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["n"] = N, ["type"] = Type, ["at"] = Math.Round(At, 3) };
        if (Lot is not null) o["lot"] = Lot;
        if (Author is not null) o["author"] = Author;
        if (Amount is { } a) o["amount"] = a;
        if (Proxy) o["proxy"] = true;
        if (Reason is not null) o["reason"] = Reason;
        if (Detail is not null) o["detail"] = Detail;
        if (Remaining is { } r) o["remaining"] = Math.Round(r, 3);
        if (Chat is { } c) o["chat"] = c;
        if (Title is not null) o["title"] = Title;
        if (Currency is not null) o["currency"] = Currency;
        if (Deadline is { } d) o["deadline"] = Math.Round(d, 3);
        return o;
    }

    /// <summary>Reads a record back; null for one this version cannot read (it is skipped, and logged by the caller).</summary>
    public static AuctionEvent? FromJson(JsonObject o)
    {
        try
        {
            if (o["n"]?.GetValue<long>() is not { } n || o["type"]?.GetValue<string>() is not { } type) return null;
            return new AuctionEvent(n, type, o["lot"]?.GetValue<string>())
            {
                Author = o["author"]?.GetValue<string>(), Amount = Json.Amount(o["amount"]), Proxy = o["proxy"]?.GetValue<bool>() ?? false,
                Reason = o["reason"]?.GetValue<string>(), Detail = o["detail"]?.GetValue<string>(),
                Remaining = o["remaining"] is { } r ? (double?)Json.Amount(r) : null, Chat = o["chat"]?.GetValue<long>(),
                Title = o["title"]?.GetValue<string>(), Currency = o["currency"]?.GetValue<string>(),
                At = o["at"] is { } at ? (double)(Json.Amount(at) ?? 0) : 0,
                Deadline = o["deadline"] is { } d && Json.Amount(d) is { } deadline ? (double)deadline : null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException) { return null; }
    }
}
