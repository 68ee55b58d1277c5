using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Announcing a durable event: the WebSocket event, a show event for triggers (<c>auction.sold</c> …), the host's
/// line unless a script took that hook over, and the event in the queue scripts read with <c>call("auctioneer", "events")</c>.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    private const int MaxHookedEvents = 1000;
    private readonly HashSet<string> _hooked = new(StringComparer.Ordinal);
    private readonly Queue<JsonObject> _hookedEvents = new();

    internal static readonly IReadOnlyDictionary<string, (string Event, string Hook)> Names = new Dictionary<string, (string, string)>
    {
        ["opened"] = ("LotOpened", "onLotOpened"), ["bid"] = ("BidAccepted", "onBidAccepted"), ["rejected"] = ("BidRejected", "onBidRejected"),
        ["max"] = ("MaxBidPlaced", "onMaxBid"), ["going-once"] = ("GoingOnce", "onGoingOnce"), ["going-twice"] = ("GoingTwice", "onGoingTwice"),
        ["sold"] = ("LotSold", "onSold"), ["passed"] = ("LotPassed", "onPassed"), ["withdrawn"] = ("LotWithdrawn", "onWithdrawn"),
        ["extended"] = ("LotExtended", "onExtended"), ["paused"] = ("AuctionPaused", "onPaused"), ["resumed"] = ("AuctionResumed", "onResumed"),
        ["banned"] = ("BidderBanned", "onBanned"), ["unbanned"] = ("BidderUnbanned", "onUnbanned"),
    };

    private void Announce(AuctionEvent e)
    {
        var (name, hook) = Names.TryGetValue(e.Type, out var n) ? n : (e.Type, "on" + e.Type);
        var data = e.ToJson();
        if (e.Lot is not null && _auction!.Lots.FirstOrDefault(l => l.Spec.Id == e.Lot) is { } lot)
        {
            data["title"] ??= lot.Spec.Title;
            data["currency"] ??= lot.Spec.Currency;
            if (e.Type is "bid" or "sold" or "rejected") data["display"] = e.Amount is { } a ? lot.Spec.Money(a) : null;
            if (e.Type is "bid") data["bids"] = lot.AcceptedUpTo(e.N);
        }
        _context!.Publish(name, data);
        if (e.Type is "opened" or "sold" or "passed" or "withdrawn") Show.Log.Info(Journal(e, data));
        Show.Emit("auction." + e.Type);
        SceneFor(e);
        if (_hooked.Contains(hook))
        {
            if (_hookedEvents.Count >= MaxHookedEvents) _hookedEvents.Dequeue();
            var queued = (JsonObject)data.DeepClone();
            queued["event"] = name;
            queued["hook"] = hook;
            _hookedEvents.Enqueue(queued);
        }
        else _voice!.React(e, _auction!);
    }

    /// <summary>The sales log's line for the engine's log: <c>sold lot-1 "Solstice Bloom" to kenji for $150 (23 bids) at 61.2 s</c>.</summary>
    private string Journal(AuctionEvent e, JsonObject data)
    {
        var lot = _auction!.Lots.First(l => l.Spec.Id == e.Lot);
        var what = e.Type switch
        {
            "sold" => $" to {e.Author} for {lot.Spec.Money(e.Amount ?? 0)}",
            "passed" => $" ({e.Reason}{(lot.Price is { } p ? ", last bid " + lot.Spec.Money(p) : "")})",
            "opened" => $" at {lot.Spec.Money(lot.Spec.Opening)}",
            _ => "",
        };
        return $"{e.Type} {lot.Spec.Id} \"{data["title"]}\"{what} ({lot.AcceptedUpTo(e.N)} bids) at {e.At:0.###} s";
    }

    /// <summary>The hooked events since the last call, oldest first (a script's <c>onFrame</c> reads them).</summary>
    private JsonArray TakeHookedEvents()
    {
        var taken = new JsonArray();
        while (_hookedEvents.TryDequeue(out var e)) taken.Add(e);
        return taken;
    }

    /// <summary><c>{"on": ["onSold", …]}</c>: the script says these lines itself; <c>{"off": […]}</c> gives them back.</summary>
    private JsonObject Hook(JsonNode? argument)
    {
        var known = Names.Values.Select(v => v.Hook).Append("onQuestion").Append("onSilence").ToHashSet();
        foreach (var (key, add) in new[] { ("on", true), ("off", false) })
        {
            var names = argument?[key] switch
            {
                null => [],
                JsonValue v when v.TryGetValue<string>(out var one) => [one],
                JsonArray a => a.Select(x => x?.GetValue<string>() ?? "").ToList(),
                _ => throw new LotsFileException(key, "expected a hook name or a list of them"),
            };
            foreach (var name in names)
            {
                if (!known.Contains(name)) throw new LotsFileException(key, $"unknown hook '{name}'; expected one of {string.Join(", ", known.Order())}");
                if (add) _hooked.Add(name);
                else _hooked.Remove(name);
            }
        }
        _voice!.Hooked = _hooked;
        return new JsonObject { ["hooked"] = new JsonArray([.. _hooked.Order().Select(h => (JsonNode)h)]) };
    }
}
