using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>
/// A sale: its lots in order, its rules, the host's FAQ and line templates, read from the lots file
/// (<c>samples/auction-show/lots.json</c>; docs/auction.md). Every error names the field.
/// </summary>
internal sealed record Catalogue(IReadOnlyList<LotSpec> Lots, AuctionRules Rules, JsonArray Faq, JsonObject Lines)
{
    public const int MaxLots = 500;

    public static Catalogue Read(JsonNode? node)
    {
        if (node is not JsonObject file) throw new LotsFileException("lots file", "expected an object with \"lots\"");
        if (file["lots"] is not JsonArray lots || lots.Count == 0) throw new LotsFileException("lots", "expected an array of at least one lot");
        if (lots.Count > MaxLots) throw new LotsFileException("lots", $"expected at most {MaxLots} lots, got {lots.Count}");
        var currency = Currency(file["currency"], "currency") ?? "USD";
        var increment = IncrementRule.Read(file["increment"], "increment");
        var duration = file["duration"] is { } d ? Json.Seconds(d, "duration", 5, 86_400) : 60;
        var sniping = AntiSniping.Read(file["antiSniping"], "antiSniping", new("extend", 10, 10));
        if (Json.Flag(file["suddenDeath"], "suddenDeath", false)) sniping = AntiSniping.None;
        var once = file["goingOnce"] is { } g1 ? Json.Seconds(g1, "goingOnce", 1, 600) : 10;
        var twice = file["goingTwice"] is { } g2 ? Json.Seconds(g2, "goingTwice", 0.5, 600) : 5;
        if (twice >= once) throw new LotsFileException("goingTwice", $"expected fewer seconds than goingOnce ({once}), got {twice}");
        var read = lots.Select((l, i) => Lot(l, $"lots[{i}]", currency, increment, duration, sniping, once, twice)).ToList();
        var duplicate = read.GroupBy(l => l.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new LotsFileException("lots", $"lot id '{duplicate.Key}' is used twice; expected unique ids");
        var rate = file["rateLimit"] as JsonObject;
        var rules = new AuctionRules(
            file["startDelay"] is { } s ? Json.Seconds(s, "startDelay") : AuctionRules.Default.StartDelay,
            file["break"] is { } b ? Json.Seconds(b, "break", 0, 3600) : AuctionRules.Default.Break,
            Json.Flag(file["autoAdvance"], "autoAdvance", true),
            rate?["bids"] is { } n ? (int)Json.Seconds(n, "rateLimit.bids", 1, 10_000) : AuctionRules.Default.RateBids,
            rate?["seconds"] is { } w ? Json.Seconds(w, "rateLimit.seconds", 0.1, 3600) : AuctionRules.Default.RateSeconds);
        return new Catalogue(read, rules, file["faq"] is JsonArray faq ? (JsonArray)faq.DeepClone() : [],
            file["lines"] is JsonObject lines ? (JsonObject)lines.DeepClone() : []);
    }

    private static LotSpec Lot(JsonNode? node, string at, string currency, IncrementRule increment, double duration, AntiSniping sniping, double once, double twice)
    {
        if (node is not JsonObject o) throw new LotsFileException(at, "expected a lot { \"id\", \"title\", \"opening\" … }");
        var id = Json.Text(o["id"], at + ".id", 64) ?? throw new LotsFileException(at + ".id", "expected the lot's id");
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw new LotsFileException(at + ".id", $"expected letters, digits, '-' or '_', got '{id}'");
        var metadata = new Dictionary<string, string>();
        if (o["metadata"] is JsonObject m)
            foreach (var (k, v) in m) metadata[k] = Json.Text(v, $"{at}.metadata.{k}", 500) ?? "";
        var opening = Json.Positive(o["opening"], at + ".opening");
        decimal? reserve = o["reserve"] is { } r ? Json.NonNegative(r, at + ".reserve") : null;
        var lotSniping = AntiSniping.Read(o["antiSniping"], at + ".antiSniping", sniping);
        if (Json.Flag(o["suddenDeath"], at + ".suddenDeath", false)) lotSniping = AntiSniping.None;
        return new LotSpec(id, Json.Text(o["title"], at + ".title") ?? id, Json.Text(o["artist"], at + ".artist") ?? "", Json.Text(o["image"], at + ".image", 500),
            metadata, opening, reserve, Currency(o["currency"], at + ".currency") ?? currency,
            o["increment"] is { } inc ? IncrementRule.Read(inc, at + ".increment") : increment,
            o["duration"] is { } d ? Json.Seconds(d, at + ".duration", 5, 86_400) : duration, lotSniping, once, twice)
        { Estimate = Estimate(o["estimate"], at + ".estimate") };
    }

    private static (decimal, decimal)? Estimate(JsonNode? node, string field)
    {
        if (node is null) return null;
        if (node is not JsonArray { Count: 2 } a) throw new LotsFileException(field, "expected [low, high]");
        var (low, high) = (Json.Positive(a[0], field + "[0]"), Json.Positive(a[1], field + "[1]"));
        return high >= low ? (low, high) : throw new LotsFileException(field + "[1]", $"expected at least the low estimate {low}");
    }

    private static string? Currency(JsonNode? node, string field)
    {
        var code = Json.Text(node, field, 8);
        if (code is null) return null;
        return code.Length > 0 && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : throw new LotsFileException(field, $"expected a code of 1 to 8 letters such as USD or ETH, got '{code}'");
    }
}
