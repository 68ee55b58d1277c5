using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Shares the live lot as the show value <c>auction.lot</c> (<see cref="IShowValues"/>), so a simulated audience in
/// the same show bids on the real auction and stops near the high estimate (the ceiling) as a real room would:
/// <c>{ "open": true, "lot", "price", "increment", "currency", "ceiling" }</c>, or <c>{ "open": false }</c> between lots.
/// Published only when it changes; removed when the auctioneer stops.
/// </summary>
internal sealed class AskingPrice(IShowValues values)
{
    public const string Name = "auction.lot";
    private JsonObject? _last;

    public void Publish(Auction auction)
    {
        var lot = auction.Live;
        var value = lot is null ? new JsonObject { ["open"] = false } : new JsonObject
        {
            ["open"] = true, ["lot"] = lot.Spec.Id,
            // Before the first bid a bid at the opening price is the asking one: the price is one increment below it.
            ["price"] = lot.Price ?? lot.Spec.Opening - lot.Spec.Increment.After(lot.Spec.Opening),
            ["increment"] = lot.Spec.Increment.After(lot.Price ?? lot.Spec.Opening), ["currency"] = lot.Spec.Currency,
            ["ceiling"] = lot.Spec.Estimate?.High ?? lot.Spec.Opening * 5,
        };
        if (JsonNode.DeepEquals(value, _last)) return;
        _last = value;
        values.Publish(Name, value);
    }

    public void Clear()
    {
        _last = null;
        values.Publish(Name, null);
    }
}
