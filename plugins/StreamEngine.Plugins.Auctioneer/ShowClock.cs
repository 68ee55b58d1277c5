using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>Show time as a clock for the auction: frame index / fps from the epoch, so an offline render repeats exactly.</summary>
internal sealed class ShowClock(IShowApi show) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddSeconds(show.Now.Seconds);
}
