using System.Globalization;

namespace StreamEngine.Plugins.Layers.Auction;

/// <summary>
/// A price as an auction screen writes it: the usual symbol before fiat amounts (<c>$1,250</c>, <c>€980.50</c>), the
/// code after anything else (<c>2.45 ETH</c>, <c>1,200 CHF</c>), thousands grouped, and cents only when there are any.
/// </summary>
internal static class Money
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = "$", ["CAD"] = "CA$", ["AUD"] = "A$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹",
    };

    /// <summary>Crypto amounts keep more decimals: bids of 0.015 ETH are common.</summary>
    private static readonly HashSet<string> Crypto = new(StringComparer.OrdinalIgnoreCase) { "ETH", "BTC", "SOL", "WETH" };

    public static string Format(double amount, string? currency)
    {
        if (!double.IsFinite(amount)) amount = 0;
        var code = string.IsNullOrWhiteSpace(currency) ? "USD" : currency.Trim();
        var whole = Math.Abs(amount - Math.Round(amount)) < 0.0005;
        var digits = Crypto.Contains(code) ? "#,0.####" : whole || code.Equals("JPY", StringComparison.OrdinalIgnoreCase) ? "#,0" : "#,0.00";
        var number = Math.Abs(amount).ToString(digits, CultureInfo.InvariantCulture);
        var sign = amount < 0 ? "-" : "";
        return Symbols.TryGetValue(code, out var symbol) ? $"{sign}{symbol}{number}" : $"{sign}{number} {code.ToUpperInvariant()}";
    }
}
