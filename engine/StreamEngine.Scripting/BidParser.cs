using System.Globalization;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>
/// Which chat messages are bids and questions (the rule is documented on <see cref="Bid"/> and in docs/scripting.md).
/// </summary>
public static partial class BidParser
{
    // "bid 2.5", "bid 2.5 eth", "2.5 ETH", "$300", "€1,200.50", "300 usd"; the whole message, nothing else.
    [GeneratedRegex(@"^\s*(?:bid\s*)?(?:(?<sym>[$€£Ξ])\s*(?<n>\d[\d,]*(?:\.\d+)?)|(?<n>\d[\d,]*(?:\.\d+)?)\s*(?<code>ETH|WETH|BTC|SOL|USDC|USDT|USD|EUR|GBP)?)\s*!?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BidText();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex AnyNumber();

    public static Bid? Parse(ChatMessage message)
    {
        var match = BidText().Match(message.Text);
        var highlighted = message.Highlight == "bid";
        // A bare number is only a bid when it says "bid" or names a currency: "2" alone is chat.
        if (match.Success && (match.Groups["sym"].Success || match.Groups["code"].Success || message.Text.TrimStart().StartsWith("bid", StringComparison.OrdinalIgnoreCase)))
        {
            var currency = match.Groups["sym"].Success ? match.Groups["sym"].Value : match.Groups["code"].Success ? match.Groups["code"].Value.ToUpperInvariant() : null;
            return new Bid(Amount(match.Groups["n"].Value), currency, message);
        }
        if (!highlighted) return null;
        var any = AnyNumber().Match(message.Text);
        return new Bid(any.Success ? Amount(any.Value) : null, null, message);
    }

    public static bool IsQuestion(ChatMessage message) => message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');

    private static decimal? Amount(string text) =>
        decimal.TryParse(text.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;
}
