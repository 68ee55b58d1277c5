using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>A number written in a message with what is glued to it: a sign or code, a "k", a "+".</summary>
internal sealed partial record Amount(Match Match, decimal Value, string? Currency, bool Plus, bool Scaled)
{
    /// <summary>Decimals and thousands in both conventions (1,250.50 and 1.250,50), k/m/grand, signs and codes either side.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}#@:/'’_.,\-])(?<plus>\+\s?)?(?<pre>[$€£Ξξ]|(?:usd|eur|gbp|eth)\s)?\s?(?<num>\d+(?:[.,]\d+)*|\.\d+)(?<suf>\s?(?:k|m|grand|thousand|mil)(?![\p{L}\p{N}]))?(?<code>\s?(?:[$€£Ξξ]|eth|usd|eur|gbp|btc|sol|usdc|usdt|weth)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}%/_°]|[:.,]\d)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    /// <summary>No more than this is read as an amount: larger numbers are ids or jokes, and must not overflow.</summary>
    public const decimal Max = 1_000_000_000_000m;

    public static IEnumerable<Amount> All(string text, IReadOnlyDictionary<string, string> currencies)
    {
        MatchCollection matches;
        try { matches = Pattern().Matches(text); _ = matches.Count; }
        catch (RegexMatchTimeoutException) { yield break; }
        foreach (Match m in matches)
        {
            var sign = m.Groups["pre"].Success ? m.Groups["pre"].Value.Trim() : m.Groups["code"].Success ? m.Groups["code"].Value.Trim() : null;
            var currency = sign is null ? null : currencies.GetValueOrDefault(sign);
            if (Number(m.Groups["num"].Value, currency) is not { } value) continue;
            var scaled = m.Groups["suf"].Success;
            if (scaled)
            {
                var factor = m.Groups["suf"].Value.Trim() switch { "m" or "mil" => 1_000_000m, _ => 1000m };
                if (value > Max / factor) continue;
                value *= factor;
            }
            if (value > Max) continue;
            yield return new Amount(m, value, currency, m.Groups["plus"].Success, scaled);
        }
    }

    /// <summary>
    /// The value of digits with separators: with both, the last is the decimal point; one comma before three digits
    /// groups thousands, before one or two it is the decimal point; one dot before three digits groups thousands only
    /// for euros (1.250 ETH is one and a quarter). Groups must be three digits. Null when it cannot be a number.
    /// </summary>
    public static decimal? Number(string digits, string? currency)
    {
        var lastComma = digits.LastIndexOf(',');
        var lastDot = digits.LastIndexOf('.');
        char? thousands = null, point = null;
        if (lastComma >= 0 && lastDot >= 0) (thousands, point) = lastComma > lastDot ? ('.', ',') : (',', '.');
        else if (lastComma >= 0) (thousands, point) = digits.Count(c => c == ',') > 1 || digits.Length - lastComma - 1 == 3 ? ((char?)',', (char?)null) : (null, ',');
        else if (lastDot >= 0) (thousands, point) = digits.Count(c => c == '.') > 1 || (digits.Length - lastDot - 1 == 3 && currency == "EUR") ? ((char?)'.', (char?)null) : (null, '.');
        var whole = point is { } p ? digits[..digits.LastIndexOf(p)] : digits;
        if (whole.Length == 0) whole = "0"; // ".5 eth"
        var fraction = point is { } q ? digits[(digits.LastIndexOf(q) + 1)..] : "";
        if (thousands is { } t)
        {
            var groups = whole.Split(t);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return null;
            whole = string.Concat(groups);
        }
        if (whole.Contains(',') || whole.Contains('.') || fraction.Contains(',') || fraction.Contains('.') || whole.Length > 16 || fraction.Length > 8) return null;
        return decimal.TryParse(fraction.Length > 0 ? $"{whole}.{fraction}" : whole, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
