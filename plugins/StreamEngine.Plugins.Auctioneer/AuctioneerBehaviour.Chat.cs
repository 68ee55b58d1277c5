using System.Globalization;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>Chat in: bids (the chat analysis' verdict, or the SDK's rule), proxy bids ("max 300"), questions and mood.</summary>
public sealed partial class AuctioneerBehaviour
{
    private const int MaxWaiting = 10_000;

    [GeneratedRegex(@"^\s*(?:!?max(?:\s*bid)?|!?proxy|my\s+max\s+is)\s*[:=]?\s*(?<sign>[$€£Ξ])?\s*(?<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?<k>k)?\s*(?<code>[a-z]{3,4})?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex MaxBid();

    private void OnChat(ChatMessage message)
    {
        if (_auction is null) return;
        if (_restoring is not null)
        {
            if (_waiting.Count < MaxWaiting) _waiting.Add(message);
            return;
        }
        Judge(message);
    }

    private void Judge(ChatMessage message)
    {
        var author = message.Author;
        if (ReadMax(message.Text) is { } max)
        {
            Record(_auction!.PlaceMax(author, max.Amount, max.Currency, message.Sequence));
            return;
        }
        if (BidText.TryRead(message, out var bid))
        {
            if (bid is not null) Record(_auction!.Bid(author, bid.Amount, bid.Raise, bid.Currency, message.Sequence));
            return;
        }
        if (message.Verdict is { Kind: "question" } || message.Text.TrimEnd().EndsWith('?')) _voice!.Answer(message, _auction!);
        else if (message.Verdict?.Sentiment is { } mood) _voice!.Mood(mood);
    }

    /// <summary>"max 300", "max bid $300", "proxy 1.2k", "my max is 300 USD": a proxy bid; null for anything else.</summary>
    internal static (decimal Amount, string? Currency)? ReadMax(string text)
    {
        if (text.Length > 64) return null;
        Match m;
        try { m = MaxBid().Match(text); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!m.Success || !decimal.TryParse(m.Groups["number"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return null;
        if (m.Groups["k"].Success) amount *= 1000;
        var currency = m.Groups["sign"].Value switch
        {
            "$" => "USD", "€" => "EUR", "£" => "GBP", "Ξ" => "ETH",
            _ => m.Groups["code"].Success ? m.Groups["code"].Value.ToUpperInvariant() : null,
        };
        return amount > 0 && amount <= Domain.Json.MaxPrice ? (amount, currency) : null;
    }
}
