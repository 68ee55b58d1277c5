using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Scripting;

/// <summary>
/// A chat message that is a bid, by the engine's bid rule (the toolkit's <c>BidText.TryRead</c>): the chat analysis stage's verdict when it ran
/// (<c>$50</c>, <c>fifty</c>, <c>1.2k</c>, <c>+5</c> …), else the rule or the message's highlight.
/// </summary>
/// <param name="Amount">The amount bid (for a raise, the raise itself); null when the message was highlighted as a bid but names no amount.</param>
/// <param name="Currency">The currency code (<c>ETH</c>, <c>USD</c> for "$" …); null when none was written.</param>
/// <param name="Message">The chat message.</param>
public sealed record Bid(decimal? Amount, string? Currency, ChatMessage Message)
{
    /// <summary>Whether <see cref="Amount"/> raises the current price ("+5") rather than naming a price.</summary>
    public bool Raise { get; init; }

    /// <summary>How sure the analysis is that this is a bid (1 when a rule or highlight decided).</summary>
    public double Confidence => Message.Verdict is { Kind: "bid" } v ? v.Confidence : 1;
}
