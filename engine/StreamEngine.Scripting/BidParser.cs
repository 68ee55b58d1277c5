using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>
/// Which chat messages scripts get as bids and questions: the chat analysis stage's verdict when it ran, else the SDK's
/// bid rule (<see cref="BidText"/>) and the message's highlight.
/// </summary>
public static class BidParser
{
    public static Bid? Parse(ChatMessage message) =>
        BidText.TryRead(message, out var amount) ? new Bid(amount?.Amount, amount?.Currency, message) { Raise = amount?.Raise ?? false } : null;

    public static bool IsQuestion(ChatMessage message) => message.Verdict is { } verdict
        ? verdict.Kind == "question"
        : message.Highlight == "question" || message.Text.TrimEnd().EndsWith('?');
}
