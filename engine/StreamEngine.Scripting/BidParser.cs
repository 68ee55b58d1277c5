using System.Globalization;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>Which chat messages scripts get as bids and questions: the SDK's one rule (<see cref="BidText"/>), or the message's highlight.</summary>
public static partial class BidParser
{
    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex AnyNumber();

    public static Bid? Parse(ChatMessage message)
    {
        if (BidText.TryParse(message.Text, out var amount)) return new Bid(amount.Amount, amount.Currency, message);
        if (message.Highlight != "bid") return null;
        var any = AnyNumber().Match(message.Text);
        return new Bid(any.Success && decimal.TryParse(any.Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null, null, message);
    }

    public static bool IsQuestion(ChatMessage message) => message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');
}
