namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>
/// Rules for the whole sale: how long before the first lot opens, the pause between lots, whether lots open by
/// themselves one after the other, and how many bids an author may place in a window (the rest are refused as rate limited).
/// </summary>
internal sealed record AuctionRules(double StartDelay, double Break, bool AutoAdvance, int RateBids, double RateSeconds)
{
    public static readonly AuctionRules Default = new(3, 8, true, 4, 5);
}
