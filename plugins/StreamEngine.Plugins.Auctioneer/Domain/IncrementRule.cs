using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>A price band: below <see cref="Below"/> a bid must beat the price by at least <see cref="Step"/>.</summary>
internal sealed record IncrementBand(decimal Below, decimal Step);

/// <summary>
/// The smallest raise over a price: fixed, or by price bands as the live-shopping apps do. The default bands: $1 under
/// $30, $2 to $50, $3 to $100, $5 to $300, $10 to $1000, $20 to $2000, $50 above.
/// </summary>
internal sealed class IncrementRule
{
    public static readonly IncrementRule Default = new(
        [new(30, 1), new(50, 2), new(100, 3), new(300, 5), new(1000, 10), new(2000, 20)], 50);

    private IncrementRule(IReadOnlyList<IncrementBand> bands, decimal above)
    {
        Bands = bands;
        Above = above;
    }

    public IReadOnlyList<IncrementBand> Bands { get; }

    /// <summary>The step at and above the last band (the whole rule when it is fixed).</summary>
    public decimal Above { get; }

    public static IncrementRule Fixed(decimal step) => new([], step);

    /// <summary>The step after <paramref name="price"/>.</summary>
    public decimal After(decimal price) => Bands.FirstOrDefault(b => price < b.Below)?.Step ?? Above;

    /// <summary>Reads <c>5</c> (fixed), <c>{"fixed": 5}</c> or <c>{"bands": [{"below": 30, "step": 1} …], "above": 50}</c>.</summary>
    public static IncrementRule Read(JsonNode? node, string field)
    {
        if (node is null) return Default;
        if (node is JsonValue) return Fixed(Json.Positive(node, field));
        if (node is not JsonObject o) throw new LotsFileException(field, "expected a step (5), { \"fixed\": 5 } or { \"bands\": [...], \"above\": 50 }");
        if (o["fixed"] is { } step) return Fixed(Json.Positive(step, field + ".fixed"));
        if (o["bands"] is not JsonArray bands) throw new LotsFileException(field, "expected \"fixed\" or \"bands\"");
        var read = bands.Select((b, i) => new IncrementBand(Json.Positive(b?["below"], $"{field}.bands[{i}].below"), Json.Positive(b?["step"], $"{field}.bands[{i}].step"))).ToList();
        for (var i = 1; i < read.Count; i++)
            if (read[i].Below <= read[i - 1].Below) throw new LotsFileException($"{field}.bands[{i}].below", "expected bands in rising order of \"below\"");
        return new IncrementRule(read, o["above"] is { } above ? Json.Positive(above, field + ".above") : read.Count > 0 ? read[^1].Step : throw new LotsFileException(field + ".bands", "expected at least one band"));
    }

    public JsonNode ToJson() => Bands.Count == 0
        ? new JsonObject { ["fixed"] = Above }
        : new JsonObject { ["bands"] = new JsonArray([.. Bands.Select(b => (JsonNode)new JsonObject { ["below"] = b.Below, ["step"] = b.Step })]), ["above"] = Above };
}
