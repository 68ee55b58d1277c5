using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Shares the live lot's price with a simulated audience in the same engine, so its bids follow the real auction
/// (one engine runs one show), and stop near the high estimate (the ceiling) as a real room would. It is process data holding only a string — <c>price|increment|currency|lot|ceiling</c>, or
/// empty between lots — so no plugin type crosses plugins and both can be reloaded on their own.
/// </summary>
internal static class AskingPrice
{
    public const string Key = "StreamEngine.Auction.Price";
    private static string? _last;

    public static void Publish(Auction auction)
    {
        var text = auction.Live is { } lot
            ? $"{Json.Plain(lot.Price ?? lot.Spec.Opening - lot.Spec.Increment.After(lot.Spec.Opening))}|{Json.Plain(lot.Spec.Increment.After(lot.Price ?? lot.Spec.Opening))}|{lot.Spec.Currency}|{lot.Spec.Id}|{Json.Plain(lot.Spec.Estimate?.High ?? lot.Spec.Opening * 5)}"
            : "";
        if (text == _last) return;
        _last = text;
        AppContext.SetData(Key, text);
    }

    public static void Clear()
    {
        _last = null;
        AppContext.SetData(Key, null);
    }
}
