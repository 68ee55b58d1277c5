using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>One lot as the lots file describes it.</summary>
internal sealed record LotSpec(
    string Id, string Title, string Artist, string? Image, IReadOnlyDictionary<string, string> Metadata,
    decimal Opening, decimal? Reserve, string Currency, IncrementRule Increment,
    double Duration, AntiSniping AntiSniping, double GoingOnceAt, double GoingTwiceAt)
{
    /// <summary>Sudden death: no extension, the leader when the clock reaches zero wins.</summary>
    public bool SuddenDeath => AntiSniping.Mode == "none";

    /// <summary>The house's estimate (low, high), when the lots file gives one; the host quotes it.</summary>
    public (decimal Low, decimal High)? Estimate { get; init; }

    public string Money(decimal amount) => Json.Money(amount, Currency);

    public JsonObject ToJson()
    {
        var metadata = new JsonObject();
        foreach (var (k, v) in Metadata) metadata[k] = v;
        return new JsonObject
        {
            ["id"] = Id, ["title"] = Title, ["artist"] = Artist, ["image"] = Image, ["metadata"] = metadata,
            ["opening"] = Opening, ["reserve"] = Reserve, ["currency"] = Currency, ["increment"] = Increment.ToJson(),
            ["duration"] = Duration, ["antiSniping"] = AntiSniping.ToJson(), ["suddenDeath"] = SuddenDeath,
            ["goingOnce"] = GoingOnceAt, ["goingTwice"] = GoingTwiceAt,
            ["estimate"] = Estimate is { } e ? new JsonArray(e.Low, e.High) : null,
        };
    }
}
