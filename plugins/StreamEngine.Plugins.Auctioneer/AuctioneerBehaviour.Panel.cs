using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// The auctioneer's panel on the producer's dashboard: the lot on the block, its price, leader and time left (from
/// <c>GET state</c>, read twice a second and at each of its events), and the operator's commands as buttons.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    public BehaviourPanel? Panel => new("Auction", "state",
        [
            new("Lot", "current.title"), new("Phase", "current.phase"), new("Price", "current.display"),
            new("Leader", "current.leader"), new("Bids", "current.bids", "number"), new("Next bid", "current.asking", "number"),
            new("Time left", "current.remaining", "seconds"),
        ],
        [
            new("Open next lot", "POST", "open"),
            new("Hammer", "POST", "hammer"),
            new("Pass", "POST", "pass"),
            new("+30 s", "POST", "extend", new JsonObject { ["seconds"] = 30 }),
            new("Extend", "POST", "extend") { Input = new("seconds", "Seconds", "number") },
            new("Pause", "POST", "pause"),
            new("Resume", "POST", "resume"),
        ])
    { RefreshSeconds = 0.5 };
}
