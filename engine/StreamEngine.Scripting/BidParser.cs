using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>Which chat messages scripts get as bids and questions: the SDK's one bid rule (<see cref="BidText"/>), or the message's highlight.</summary>
public static class BidParser
{
    public static Bid? Parse(ChatMessage message) =>
        BidText.TryRead(message, out var amount) ? new Bid(amount?.Amount, amount?.Currency, message) : null;

    public static bool IsQuestion(ChatMessage message) => message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');
}
