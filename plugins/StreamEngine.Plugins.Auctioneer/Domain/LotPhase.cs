namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>Where a lot is in its life: scheduled → open → going once → going twice → sold / passed / withdrawn.</summary>
internal enum LotPhase
{
    Scheduled,
    Open,
    GoingOnce,
    GoingTwice,
    Sold,
    Passed,
    Withdrawn,
}

internal static class LotPhases
{
    /// <summary>Whether the lot takes bids.</summary>
    public static bool TakesBids(this LotPhase phase) => phase is LotPhase.Open or LotPhase.GoingOnce or LotPhase.GoingTwice;

    /// <summary>Whether the lot's life is over.</summary>
    public static bool IsClosed(this LotPhase phase) => phase is LotPhase.Sold or LotPhase.Passed or LotPhase.Withdrawn;

    public static string Name(this LotPhase phase) => phase switch
    {
        LotPhase.GoingOnce => "going-once",
        LotPhase.GoingTwice => "going-twice",
        _ => phase.ToString().ToLowerInvariant(),
    };
}
