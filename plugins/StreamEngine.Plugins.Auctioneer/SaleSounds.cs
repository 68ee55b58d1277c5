using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The sale's effect sounds on the show's effects channel: a chime for each accepted bid, the gavel when a lot is sold,
/// and a tick each second of an open lot's last <see cref="TickFrom"/> seconds. Played with the event's frame, so the
/// sound lands with what the screen shows. A show without sound (no <c>audio</c> section or no effects channel) says so
/// at the first sound and is not asked again.
/// </summary>
internal sealed class SaleSounds(IShowApi show)
{
    /// <summary>The countdown ticks from here down (the countdown layer turns urgent below 10 s).</summary>
    public const int TickFrom = 5;

    private bool _silent;
    private (string? Lot, int Second) _lastTick;

    public void Show(IReadOnlyList<AuctionEvent> events)
    {
        // A batch of bids (a proxy's answer beside the bid it answered) chimes once, like the screen shows one price.
        if (events.Any(e => e.Type == "bid")) Play("bid-chime");
        if (events.Any(e => e.Type == "sold")) Play("gavel");
    }

    /// <summary>Each frame: a tick when an open lot's time left crosses a whole second in its last seconds.</summary>
    public void OnFrame(Auction auction)
    {
        if (auction.Live is not { Paused: false } lot || !lot.Phase.TakesBids()) return;
        var left = lot.Left(auction.Now);
        var second = (int)Math.Ceiling(left);
        if (left <= 0 || second > TickFrom || _lastTick == (lot.Spec.Id, second)) return;
        _lastTick = (lot.Spec.Id, second);
        Play("tick");
    }

    private void Play(string cue)
    {
        if (_silent) return;
        try { show.PlaySound(cue); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _silent = true;
            show.Log.Info($"the auction plays no sounds: {e.Message}");
        }
    }
}
