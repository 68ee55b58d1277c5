using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Auctioneer.Domain;

/// <summary>A value in the lots file or a request that is not what was expected: names the field.</summary>
internal sealed class LotsFileException(string field, string detail) : ArgumentException($"{field}: {detail}", field)
{
    public string Field { get; } = field;

    public string Detail { get; } = detail;
}

/// <summary>Reads checked values out of JSON: every number finite and bounded, every text bounded.</summary>
internal static class Json
{
    /// <summary>The largest price a lot may reach (and an amount a bid may name): far beyond any real sale.</summary>
    public const decimal MaxPrice = 1_000_000_000_000m;

    public static decimal? Amount(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static decimal Positive(JsonNode? node, string field) =>
        Amount(node) is { } d && d > 0 && d <= MaxPrice ? d : throw new LotsFileException(field, $"expected an amount above 0 and at most {MaxPrice:#,0}, got {Show(node)}");

    public static decimal NonNegative(JsonNode? node, string field) =>
        Amount(node) is { } d && d >= 0 && d <= MaxPrice ? d : throw new LotsFileException(field, $"expected an amount from 0 to {MaxPrice:#,0}, got {Show(node)}");

    public static double Seconds(JsonNode? node, string field, double min = 0, double max = 86_400) =>
        Amount(node) is { } d && (double)d >= min && (double)d <= max ? (double)d : throw new LotsFileException(field, $"expected seconds from {min} to {max}, got {Show(node)}");

    public static string? Text(JsonNode? node, string field, int max = 200)
    {
        if (node is null) return null;
        if (node is not JsonValue v || !v.TryGetValue<string>(out var s)) throw new LotsFileException(field, $"expected a text, got {Show(node)}");
        return s.Length <= max ? s : throw new LotsFileException(field, $"expected at most {max} characters, got {s.Length}");
    }

    public static bool Flag(JsonNode? node, string field, bool fallback) => node switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw new LotsFileException(field, $"expected true or false, got {Show(node)}"),
    };

    /// <summary>How an amount is written in text and records: no trailing zeros, invariant culture.</summary>
    public static string Plain(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.########", CultureInfo.InvariantCulture);

    /// <summary>How the audience reads an amount: <c>$1,250</c>, <c>2.6 ETH</c>.</summary>
    public static string Money(decimal amount, string currency)
    {
        var number = amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.########", CultureInfo.InvariantCulture);
        return currency switch { "USD" => "$" + number, "EUR" => "€" + number, "GBP" => "£" + number, _ => $"{number} {currency}" };
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
