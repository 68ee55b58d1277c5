using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamEngine.Sdk.Chat;

/// <summary>A bid read from a chat message.</summary>
/// <param name="Amount">The amount bid.</param>
/// <param name="Currency">The currency or unit written with it (<c>ETH</c>, <c>USD</c> for "$", <c>EUR</c>, <c>GBP</c>), or null when only a number was written.</param>
public sealed record Bid(decimal Amount, string? Currency);

/// <summary>
/// Recognises a chat message that is a bid: the whole message is an amount, optionally after "bid", "!bid" or "I bid" and with a
/// currency sign or unit — "bid 2.5", "2.5 ETH", "$300", "€1,200", "1.2k", "I bid 3!". A message that only mentions a
/// number in a sentence ("lot 3 is nice") is not a bid.
/// </summary>
public static partial class BidText
{
    [GeneratedRegex(@"^\s*(?:!?(?:i\s+)?bid(?:ding)?\s*:?\s*)?(?<sign>[$€£Ξ])?\s*(?<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?\s*(?<unit>eth|usd|usdc|eur|gbp|sol|k)?\s*!*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex Pattern();

    /// <summary>Reads the bid in <paramref name="text"/>; false when the message is not a bid.</summary>
    public static bool TryParse(string text, out Bid bid)
    {
        bid = new Bid(0, null);
        if (text.Length > 64) return false;
        Match match;
        try { match = Pattern().Match(text); }
        catch (RegexMatchTimeoutException) { return false; }
        if (!match.Success) return false;
        var number = match.Groups["number"].Value.Replace(",", "") + (match.Groups["fraction"].Success ? "." + match.Groups["fraction"].Value : "");
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0) return false;
        var unit = match.Groups["unit"].Value.ToUpperInvariant();
        if (unit == "K") (amount, unit) = (amount * 1000, "");
        var currency = match.Groups["sign"].Value switch
        {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "Ξ" => "ETH",
            _ => unit.Length > 0 ? unit : null,
        };
        bid = new Bid(amount, currency);
        return true;
    }
}
