using System.Globalization;

namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>
/// The live lot's price as the auctioneer plugin shares it in this engine (process data under
/// <see cref="Key"/>: <c>price|increment|currency|lot|ceiling</c>, empty between lots), so the simulated bidders follow the
/// real auction: one to three increments above its price, in its currency, each bidder up to a budget around the
/// lot's ceiling (its high estimate) drawn from the seed. Null when no auctioneer runs.
/// </summary>
internal sealed record AuctionPrice(bool Open, decimal Price, decimal Increment, string Currency, string Lot, decimal Ceiling)
{
    public const string Key = "StreamEngine.Auction.Price";

    public static AuctionPrice? Read()
    {
        if (AppContext.GetData(Key) is not string text) return null;
        var parts = text.Split('|');
        if (parts.Length != 5) return new AuctionPrice(false, 0, 0, "", "", 0);
        return decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var price)
            && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var increment) && increment > 0
            && decimal.TryParse(parts[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ceiling)
            ? new AuctionPrice(true, Math.Max(0, price), increment, parts[2], parts[3], ceiling)
            : new AuctionPrice(false, 0, 0, "", "", 0);
    }
}
