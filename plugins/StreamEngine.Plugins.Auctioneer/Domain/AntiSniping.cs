using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>
/// What a bid in the last seconds does to the clock, in the two common forms: <c>extend</c> adds
/// <see cref="Seconds"/> to the time left; <c>reset</c> sets the time left back to <see cref="Seconds"/> (the
/// counter-bid time) when it is below. <c>none</c> (sudden death): the leader at zero wins.
/// </summary>
internal sealed record AntiSniping(string Mode, double Within, double Seconds)
{
    public static readonly AntiSniping None = new("none", 0, 0);

    /// <summary>The time left after a bid accepted with <paramref name="remaining"/> seconds to go.</summary>
    public double After(double remaining) => Mode switch
    {
        "extend" when remaining <= Within => remaining + Seconds,
        "reset" when remaining < Seconds => Seconds,
        _ => remaining,
    };

    /// <summary>Reads <c>{"extend": 10, "within": 10}</c>, <c>{"reset": 15}</c> or <c>"none"</c>.</summary>
    public static AntiSniping Read(JsonNode? node, string field, AntiSniping fallback)
    {
        if (node is null) return fallback;
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text == "none") return None;
        if (node is not JsonObject o) throw new LotsFileException(field, "expected { \"extend\": seconds, \"within\": seconds }, { \"reset\": seconds } or \"none\"");
        if (o["extend"] is { } extend)
            return new("extend", o["within"] is { } w ? Json.Seconds(w, field + ".within") : 10, Json.Seconds(extend, field + ".extend"));
        if (o["reset"] is { } reset)
        {
            var seconds = Json.Seconds(reset, field + ".reset");
            return new("reset", seconds, seconds);
        }
        throw new LotsFileException(field, "expected \"extend\" or \"reset\"");
    }

    public JsonNode ToJson() => Mode switch
    {
        "extend" => new JsonObject { ["extend"] = Seconds, ["within"] = Within },
        "reset" => new JsonObject { ["reset"] = Seconds },
        _ => JsonValue.Create("none"),
    };
}
