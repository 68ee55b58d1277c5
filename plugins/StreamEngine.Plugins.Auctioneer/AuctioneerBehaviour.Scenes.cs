using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The show's named scenes through the sale: <c>Intro</c> when a new sale is loaded, <c>Auction</c> when a lot opens,
/// <c>Outro</c> once the last lot is closed (after the break, so its result is seen). Each only when the show has a
/// scene of that name, and <c>Intro</c> only with an <c>Auction</c> scene to come back to. The scene it put on air is
/// kept in its state, so a restart does not switch again.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    private const string Intro = "Intro", OnTheBlock = "Auction", Outro = "Outro";

    /// <summary>A new sale: the intro, until the first lot opens.</summary>
    private void SceneForNewSale()
    {
        var scenes = Show.Scenes();
        if (scenes.Contains(Intro) && scenes.Contains(OnTheBlock)) SwitchScene(Intro);
    }

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
            if (Show.SwitchScene(name, "crossfade", 0.6)) State["scene"] = name;
        }
        catch (Exception e) when (e is not OutOfMemoryException) { Show.Log.Warn($"the auctioneer could not put scene '{name}' on air: {e.Message}"); }
    }
}
