using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The sales log as JSON: per lot its outcome (winner, price, when) and every bid with its fate — <c>won</c>,
/// <c>leading</c>, <c>outbid</c>, <c>max</c> (a proxy bid's maximum) or the refusal's reason.
/// </summary>
internal static class SalesLog
{
    public static JsonObject Of(Auction auction, string sale) => new()
    {
        ["sale"] = sale,
        ["lots"] = new JsonArray([.. auction.Lots.Select(l => (JsonNode)Lot(l, auction.Now))]),
    };

    public static JsonObject Lot(LotRun lot, double now)
    {
        var o = lot.ToJson(now);
        o["winner"] = lot.Phase == LotPhase.Sold ? lot.Leader : null;
        o["hammer"] = lot.Phase == LotPhase.Sold ? lot.Price : null;
        o["closedAt"] = lot.ClosedAt;
        o["bidLog"] = Bids(lot);
        return o;
    }

    public static JsonArray Bids(LotRun lot)
    {
        var last = lot.Bids.LastOrDefault(b => b.Fate == "accepted");
        return new JsonArray([.. lot.Bids.Select(b => (JsonNode)new JsonObject
        {
            ["n"] = b.N, ["author"] = b.Author, ["amount"] = b.Amount, ["proxy"] = b.Proxy,
            ["fate"] = b.Fate != "accepted" ? b.Fate : b != last ? "outbid" : lot.Phase == LotPhase.Sold ? "won" : lot.Phase.TakesBids() ? "leading" : "unsold",
            ["detail"] = b.Detail, ["at"] = Math.Round(b.At, 3), ["chat"] = b.Chat,
        })]);
    }
}
