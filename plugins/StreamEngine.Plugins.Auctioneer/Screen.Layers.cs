using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Which of the auction's layers are on screen, and changing them: a layer on screen is patched and animated; one off
/// air (in a named scene not on yet) takes its patches and comes in with its scene; one the show lacks is left alone.
/// </summary>
internal sealed partial class Screen
{
    private HashSet<string> _present = []; // on screen, as last looked at
    private readonly HashSet<string> _missing = [];
    private double _lookedAt = double.NegativeInfinity;

    /// <summary>
    /// The patch, making the layer transparent until its entrance animation fades it in — when it is on screen: a layer
    /// off air gets no animation (its scene's transition brings it in), so it must not be left transparent.
    /// </summary>
    private JsonObject Entering(string id, JsonObject patch)
    {
        if (_present.Contains(id)) patch["transform"] = new JsonObject { ["opacity"] = 0 };
        return patch;
    }

    /// <summary>
    /// Twice a second: which of the layers are on screen. A scene switch (the intro giving way to the auction) brings
    /// layers that were patched off air; the countdown then starts running on screen.
    /// </summary>
    public void OnFrame(Auction auction)
    {
        if (show.Now.Seconds - _lookedAt < 0.5) return;
        var hadCountdown = _present.Contains("countdown");
        LookAtScene();
        if (!hadCountdown && _present.Contains("countdown") && auction.Live is { } lot)
        {
            _countdown = null;
            Countdown(auction, lot);
        }
    }

    private void LookAtScene()
    {
        _lookedAt = show.Now.Seconds;
        _present = [.. show.Layers().Select(l => l["id"]?.GetValue<string>() ?? "")];
        _missing.Clear();
    }

    private void Patch(string id, JsonObject patch)
    {
        if (!_present.Contains(id))
        {
            // Off air, waiting in a scene not on yet, it takes the change (a show that lacks the layer refuses it, quietly).
            if (_missing.Contains(id)) return;
            try { show.Update(id, patch); }
            catch (Exception e) when (e is not OutOfMemoryException) { _missing.Add(id); }
            return;
        }
        try { show.Update(id, patch); }
        catch (Exception e) when (e is not OutOfMemoryException) { show.Log.Warn($"auction screen: {id}: {e.Message}"); }
    }

    private void Animate(string id, string spec)
    {
        if (!_present.Contains(id)) return;
        try { show.Animate(id, spec); }
        catch (Exception e) when (e is not OutOfMemoryException) { show.Log.Warn($"auction screen: {id}: {e.Message}"); }
    }
}
