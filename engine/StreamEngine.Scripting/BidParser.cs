using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;
using StreamEngine.Toolkit;

namespace StreamEngine.Scripting;

/// <summary>
/// Which chat messages scripts get as bids and questions: the chat analysis stage's verdict when it ran, else the SDK's
/// bid rule (<see cref="BidText"/>) and the message's highlight.
/// </summary>
public static class BidParser
{
    public static Bid? Parse(ChatMessage message) => Parse(message, out _);

    /// <param name="refusal">Why a message written as a bid is not one (an amount too large), for the show's log; else null.</param>
    public static Bid? Parse(ChatMessage message, out string? refusal)
    {
        refusal = null;
        if (BidText.TryRead(message, out var amount)) return new Bid(amount?.Amount, amount?.Currency, message) { Raise = amount?.Raise ?? false };
        BidText.TryParse(message.Text, out _, out refusal);
        return null;
    }

    public static bool IsQuestion(ChatMessage message) => message.Verdict is { } verdict
        ? verdict.Kind == "question"
        : message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');
}
