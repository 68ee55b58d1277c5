using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// Scripts: <c>call("auctioneer", method, argument)</c>. Changes return the events they caused (announced once
/// durable); a refused bid returns <c>{ accepted: false, reason, detail }</c>.
/// </summary>
public sealed partial class AuctioneerBehaviour
{
    public JsonNode? Call(string method, JsonNode? argument)
    {
        try
        {
            return method switch
            {
                "load" => Load(argument),
                "state" => Summary(),
                "lots" => new JsonArray([.. Running.Lots.Select(l => (JsonNode)Lot(l))]),
                "sales" => SalesLog.Of(Running, Sale),
                "open" => Events(Running.Open(Text(argument, "lot"))),
                "hammer" => Events(Running.Hammer()),
                "pass" => Events(Running.Pass()),
                "withdraw" => Events(Running.Withdraw(Text(argument, "lot"))),
                "extend" => Events(Running.Extend(Seconds(argument))),
                "pause" => Events(Running.Pause()),
                "resume" => Events(Running.Resume()),
                "bid" => ScriptBid(argument, max: false),
                "max" => ScriptBid(argument, max: true),
                "ban" => Events(Running.Ban(Text(argument, "author") ?? throw new LotsFileException("author", "expected the bidder's name"))),
                "unban" => Events(Running.Unban(Text(argument, "author") ?? throw new LotsFileException("author", "expected the bidder's name"))),
                "hook" => Hook(argument),
                "events" => TakeHookedEvents(),
                "lines" => Lines(argument),
                _ => throw new ArgumentException($"unknown method '{method}'; expected load, state, lots, sales, open, hammer, pass, withdraw, extend, pause, resume, bid, max, ban, unban, hook, events or lines"),
            };
        }
        catch (LotsFileException e) { throw new ArgumentException($"{method}: {e.Field}: {e.Detail}"); }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentOutOfRangeException or TimeoutException)
        {
            throw new ArgumentException($"{method}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private JsonNode ScriptBid(JsonNode? argument, bool max)
    {
        var events = ApiBid(argument, max);
        Record(events);
        return Fate(events);
    }

    private JsonArray Events(IReadOnlyList<AuctionEvent> events)
    {
        Record(events);
        return new JsonArray([.. events.Select(e => (JsonNode)e.ToJson())]);
    }

    private JsonObject Lines(JsonNode? argument)
    {
        if (argument is JsonObject overrides) _voice!.SetLines(overrides);
        else if (argument is not null) throw new LotsFileException("lines", "expected { moment: [lines] }");
        return _voice!.LinesJson();
    }
}
