using StreamEngine.Sdk.Chat;

namespace StreamEngine.Sdk.Scripting;

/// <summary>
/// A chat message that is a bid: its highlight is <c>bid</c>, or its whole text is an amount in one of these forms
/// (case does not matter): <c>bid 2.5</c>, <c>bid 2.5 ETH</c>, <c>2.5 ETH</c>, <c>$300</c>, <c>€1,200</c>, <c>300 USD</c>.
/// </summary>
/// <param name="Amount">The amount bid; null when the message was highlighted as a bid but names no amount.</param>
/// <param name="Currency">The currency code or symbol as written (<c>ETH</c>, <c>$</c>), upper case; null when none was written.</param>
/// <param name="Message">The chat message.</param>
public sealed record Bid(decimal? Amount, string? Currency, ChatMessage Message);
