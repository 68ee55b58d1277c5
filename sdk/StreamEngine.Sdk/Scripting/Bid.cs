using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Scripting;

/// <summary>
/// A chat message that is a bid: its highlight is <c>bid</c>, or its text is a bid by the rule of <see cref="BidText"/>
/// (<c>bid 2.5</c>, <c>2.5 ETH</c>, <c>$300</c>, <c>€1,200</c> …).
/// </summary>
/// <param name="Amount">The amount bid; null when the message was highlighted as a bid but names no amount.</param>
/// <param name="Currency">The currency code (<c>ETH</c>, <c>USD</c> for "$" …); null when none was written.</param>
/// <param name="Message">The chat message.</param>
public sealed record Bid(decimal? Amount, string? Currency, ChatMessage Message);
