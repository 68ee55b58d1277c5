using System.Text.Json;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>
/// The live lot as the auctioneer publishes it in this show (the show value <c>auction.lot</c>, see
/// <see cref="IShowValues"/>), so the simulated bidders follow the real auction: one to three increments above its
/// price, in its currency, each bidder up to a budget around the lot's ceiling (its high estimate) drawn from the seed.
/// Null when no auctioneer runs; not open between lots.
/// </summary>
internal sealed record AuctionPrice(bool Open, decimal Price, decimal Increment, string Currency, string Lot, decimal Ceiling)
{
    public const string Name = "auction.lot";
    private static readonly AuctionPrice Closed = new(false, 0, 0, "", "", 0);

    public static AuctionPrice? Read(IShowValues? values)
    {
        if (values?.Read(Name) is not { ValueKind: JsonValueKind.Object } lot) return null;
        if (!lot.TryGetProperty("open", out var open) || open.ValueKind != JsonValueKind.True) return Closed;
        return Number(lot, "price") is { } price && Number(lot, "increment") is { } increment && increment > 0
            && Number(lot, "ceiling") is { } ceiling && Text(lot, "currency") is { } currency && Text(lot, "lot") is { } id
            ? new AuctionPrice(true, Math.Max(0, price), increment, currency, id, ceiling)
            : Closed;
    }

    private static decimal? Number(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
