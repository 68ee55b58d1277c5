using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The show's named scenes through the sale: a show that starts on its <c>Intro</c> goes to <c>Auction</c> when the
/// first lot opens, and to <c>Outro</c> once the last lot is closed (after the break, so its result is seen); each only
/// when the show has a scene of that name. The scene file's entrances of the auction's layers wait for them to come on
/// air (the engine's <c>SceneEntrances</c>). The scene it put on air is kept in its state, so a restart does not switch again.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    private const string OnTheBlock = "Auction", Outro = "Outro";

    /// <summary>An announced event: a lot opening brings the auction scene; the last lot closing, the outro after the break.</summary>
    private void SceneFor(AuctionEvent e)
    {
        if (e.Type == "opened") SwitchScene(OnTheBlock);
        else if (e.Type is "sold" or "passed" or "withdrawn" && _auction is { Live: null } auction && auction.Lots.All(l => l.Phase.IsClosed()))
            Show.After(Math.Max(1, auction.Catalogue.Rules.Break), () =>
            {
                if (_auction is { Live: null } still && still.Lots.All(l => l.Phase.IsClosed())) SwitchScene(Outro);
            });
    }

    private void SwitchScene(string name)
    {
        if (State["scene"]?.GetValue<string>() == name) return;
        try
        {
            // The auction comes in on a cut, its entrances (artwork, card, host) bringing the motion: a crossfade fades a
            // still of the intro out over the live scene, and the chat column, on both, showed twice for its 0.6 s.
            if (Show.SwitchScene(name, name == OnTheBlock ? "cut" : "crossfade", name == OnTheBlock ? 0 : 0.6)) State["scene"] = name;
        }
        catch (Exception e) when (e is not OutOfMemoryException) { Show.Log.Warn($"the auctioneer could not put scene '{name}' on air: {e.Message}"); }
    }
}
