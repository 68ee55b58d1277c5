using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>Which chat messages scripts get as bids and questions: the SDK's one bid rule (<see cref="BidText"/>), or the message's highlight.</summary>
public static class BidParser
{
    public static Bid? Parse(ChatMessage message) => Parse(message, out _);

    /// <param name="refusal">Why a message written as a bid is not one (an amount too large), for the show's log; else null.</param>
    public static Bid? Parse(ChatMessage message, out string? refusal)
    {
        refusal = null;
        if (BidText.TryRead(message, out var amount)) return new Bid(amount?.Amount, amount?.Currency, message);
        BidText.TryParse(message.Text, out _, out refusal);
        return null;
    }

    public static bool IsQuestion(ChatMessage message) => message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');
}
