using System.Globalization;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Toolkit;

/// <summary>An amount bid in a chat message.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The currency as a code — <c>ETH</c>, <c>USD</c> for "$", <c>EUR</c> for "€", <c>GBP</c> for "£", <c>ETH</c> for "Ξ" — or null when none was written.</param>
public sealed record BidAmount(decimal Amount, string? Currency)
{
    /// <summary>Whether the amount is a raise on the current price ("+5") rather than a price.</summary>
    public bool Raise { get; init; }

    /// <summary>How a graphic shows it: <c>$300</c>, <c>€1,200</c>, <c>2.5 ETH</c>, <c>+$5</c> for a raise, or the number alone.</summary>
    public string Display => (Raise ? "+" : "") + Price;

    private string Price
    {
        get
        {
            var number = Amount.ToString(Amount == decimal.Truncate(Amount) ? "#,0" : "#,0.########", CultureInfo.InvariantCulture);
            return Currency switch
            {
                "USD" => "$" + number,
                "EUR" => "€" + number,
                "GBP" => "£" + number,
                null => number,
                _ => $"{number} {Currency}",
            };
        }
    }
}

/// <summary>
/// The one rule for which chat messages are bids (the chat layer highlights them, scripts get them in <c>onBid</c>):
/// the whole message is an amount that says it is a bid — after "bid", "!bid" or "I bid", or with a currency sign or
/// code: "bid 2.5", "!bid 2.5 ETH", "2.5 ETH", "$300", "€1,200", "1.2k ETH", "I bid 3!", "3.5 ETH 🔥" (emoji may
/// follow). A bare number ("2") is chat,
/// and so is a number in a sentence ("lot 3 is nice"). Codes: ETH, WETH, BTC, SOL, USDC, USDT, USD, EUR, GBP.
/// </summary>
public static partial class BidText
{
    [GeneratedRegex(@"^\s*(?<word>!?(?:i\s+)?bid(?:ding)?\s*:?\s*)?(?<sign>[$€£Ξ])?\s*(?<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?\s*(?<k>k)?\s*(?<code>eth|weth|btc|sol|usdc|usdt|usd|eur|gbp)?(?:[\s!]|\p{So}|\p{Cs}|\uFE0F|\u200D)*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex AnyNumber();

    /// <summary>
    /// Whether <paramref name="message"/> is a bid. When a classifier stage judged it (an annotation of kind <c>bid</c>,
    /// <c>question</c> or <c>other</c>), its last verdict decides and gives the amount, currency and raise. Otherwise the
    /// rule above decides, or its source's highlight: the amount is then the rule's reading, else the message's first
    /// number; null for a highlighted bid without a number.
    /// </summary>
    public static bool TryRead(ChatMessage message, out BidAmount? bid)
    {
        if (message.Verdict is { } verdict)
        {
            bid = verdict is { Kind: "bid", Amount: { } stated } ? new BidAmount(stated, verdict.Currency) { Raise = verdict.Raise } : null;
            return verdict.Kind == "bid";
        }
        if (TryParse(message.Text, out var read, out var refusal))
        {
            bid = read;
            return true;
        }
        bid = null;
        if (message.Highlight != "bid") return false;
        if (refusal is not null) return true; // its amount was refused: no other number of it stands in
        Match first;
        try { first = AnyNumber().Match(message.Text); }
        catch (RegexMatchTimeoutException) { return true; }
        if (first.Success && decimal.TryParse(first.Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && amount <= MaxAmount)
            bid = new BidAmount(amount, null);
        return true;
    }

    /// <summary>
    /// The largest amount that is a bid: 10^15. Above it a script's numbers (JavaScript doubles) could no longer tell
    /// two bids apart, and nobody bids it in earnest.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>Reads the bid in <paramref name="text"/>; false when the message is not a bid.</summary>
    public static bool TryParse(string text, out BidAmount bid) => TryParse(text, out bid, out _);

    /// <summary>
    /// Reads the bid in <paramref name="text"/>; false when the message is not a bid. <paramref name="refusal"/> says
    /// why a message written as a bid is not one (an amount of zero or above <see cref="MaxAmount"/>); null otherwise.
    /// </summary>
    public static bool TryParse(string text, out BidAmount bid, out string? refusal)
    {
        bid = new BidAmount(0, null);
        refusal = null;
        if (text.Length > 64) return false;
        Match match;
        try { match = Pattern().Match(text); }
        catch (RegexMatchTimeoutException) { return false; }
        if (!match.Success || !(match.Groups["word"].Success || match.Groups["sign"].Success || match.Groups["code"].Success)) return false;
        var number = match.Groups["number"].Value.Replace(",", "") + (match.Groups["fraction"].Success ? "." + match.Groups["fraction"].Value : "");
        var thousands = match.Groups["k"].Success ? 1000m : 1m;
        // Compared before multiplying: a number of 29 digits, or one "k" away from that, is beyond decimal's range.
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount > MaxAmount / thousands)
        {
            refusal = $"the amount {match.Groups["number"].Value}{(thousands > 1 ? "k" : "")} is too large to be a bid (at most {MaxAmount:#,0})";
            return false;
        }
        if (amount <= 0)
        {
            refusal = "an amount of 0 is not a bid";
            return false;
        }
        amount *= thousands;
        var currency = match.Groups["sign"].Value switch
        {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "Ξ" => "ETH",
            _ => match.Groups["code"].Success ? match.Groups["code"].Value.ToUpperInvariant() : null,
        };
        bid = new BidAmount(amount, currency);
        return true;
    }
}
