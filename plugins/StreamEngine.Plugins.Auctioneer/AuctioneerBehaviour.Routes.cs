using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Behaviours;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// REST under <c>/api/behaviours/auctioneer/…</c>. Changes answer once their events are in the state store and on
/// screen; a refused bid is a 200 whose body says <c>"accepted": false</c> with the reason.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    public IReadOnlyList<BehaviourRoute> Routes =>
    [
        new("GET", "lots", _ => Read(() => new JsonArray([.. Running.Lots.Select(l => (JsonNode)Lot(l))]))),
        new("PUT", "lots", r => Read(() => Load(r.Body))),
        new("GET", "state", _ => Read(Summary)),
        new("GET", "sales", _ => Read(() => SalesLog.Of(Running, Sale))),
        new("GET", "lots/{id}/bids", r => Read(() => SalesLog.Bids(Running.Lot(Uri.UnescapeDataString(r.Path.Split('/')[1]))))),
        new("POST", "open", r => Change(() => Running.Open(Text(r.Body, "lot")))),
        new("POST", "hammer", _ => Change(() => Running.Hammer())),
        new("POST", "pass", _ => Change(() => Running.Pass())),
        new("POST", "withdraw", r => Change(() => Running.Withdraw(Text(r.Body, "lot")))),
        new("POST", "extend", r => Change(() => Running.Extend(Seconds(r.Body)))),
        new("POST", "pause", _ => Change(() => Running.Pause())),
        new("POST", "resume", _ => Change(() => Running.Resume())),
        new("POST", "bids", r => Change(() => ApiBid(r.Body, max: false), Fate)),
        new("POST", "max", r => Change(() => ApiBid(r.Body, max: true), Fate)),
        new("GET", "bans", _ => Read(() => new JsonArray([.. Running.Banned.Order().Select(b => (JsonNode)b)]))),
        new("POST", "bans", r => Change(() => Running.Ban(Text(r.Body, "author") ?? throw new LotsFileException("author", "expected the bidder's name")))),
        new("DELETE", "bans/{author}", r => Change(() => Running.Unban(Uri.UnescapeDataString(r.Path["bans/".Length..])))),
    ];

    private Auction Running => _auction is null
        ? throw new InvalidOperationException("no lots are loaded: PUT /api/behaviours/auctioneer/lots or call(\"auctioneer\", \"load\", lots)")
        : _restoring is not null ? throw new TimeoutException("the sale is being restored from its records; try again in a moment") : _auction;

    private JsonObject Summary() => new()
    {
        ["sale"] = State["sale"]?.GetValue<string>(), ["lots"] = _auction?.Lots.Count ?? 0, ["restoring"] = _restoring is not null,
        ["current"] = _auction?.Current is { } c ? c.ToJson(_auction.Now) : null, ["nextOpensAt"] = _auction?.NextOpenAt,
        ["waiting"] = _log?.Waiting ?? 0, ["durable"] = _log?.Durable ?? false,
    };

    private JsonObject Lot(LotRun lot) => SalesLog.Lot(lot, Running.Now).Also(o => o.Remove("bidLog"));

    private IReadOnlyList<AuctionEvent> ApiBid(JsonNode? body, bool max)
    {
        var author = Text(body, "author") ?? throw new LotsFileException("author", "expected the bidder's name");
        if (author.Length is 0 or > 64) throw new LotsFileException("author", "expected 1 to 64 characters");
        var amount = Json.Positive(body?[max ? "max" : "amount"], max ? "max" : "amount");
        var currency = Text(body, "currency");
        return max ? Running.PlaceMax(author, amount, currency) : Running.Bid(author, amount, Json.Flag(body?["raise"], "raise", false), currency);
    }

    private static JsonNode Fate(IReadOnlyList<AuctionEvent> events) => events[0] is { Type: "rejected" } refused
        ? new JsonObject { ["accepted"] = false, ["reason"] = refused.Reason, ["detail"] = refused.Detail }
        : new JsonObject { ["accepted"] = true, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.ToJson())]) };

    private static string? Text(JsonNode? body, string field) => body is JsonObject o ? Json.Text(o[field], field, 64) : null;

    private static double Seconds(JsonNode? body) => (double)Json.Positive(body?["seconds"], "seconds");

    private static Task<BehaviourResponse> Read(Func<JsonNode> read) => Task.FromResult(Answer(read));

    private async Task<BehaviourResponse> Change(Func<IReadOnlyList<AuctionEvent>> command, Func<IReadOnlyList<AuctionEvent>, JsonNode>? answer = null)
    {
        IReadOnlyList<AuctionEvent> events = [];
        var refused = Answer(() =>
        {
            events = command();
            return new JsonObject();
        });
        if (refused.Status != 200) return refused;
        await Acknowledged(events);
        return BehaviourResponse.Ok(answer is not null ? answer(events) : Summary());
    }

    private static BehaviourResponse Answer(Func<JsonNode> work)
    {
        try { return BehaviourResponse.Ok(work()); }
        catch (LotsFileException e) { return BehaviourResponse.Problem(400, e.Field, e.Detail); }
        catch (ArgumentOutOfRangeException e) { return BehaviourResponse.Problem(400, e.ParamName ?? "body", e.Message.Split(" (Parameter")[0]); }
        catch (KeyNotFoundException e) { return BehaviourResponse.Problem(404, "lot", e.Message); }
        catch (TimeoutException e) { return BehaviourResponse.Problem(409, "state", e.Message); }
        catch (InvalidOperationException e) { return BehaviourResponse.Problem(409, "state", e.Message); }
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
