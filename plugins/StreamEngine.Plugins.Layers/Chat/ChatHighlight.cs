using SkiaSharp;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Layers.Chat;

/// <summary>Why a message stands out, and how: an accent color and a tag at the end of its author line.</summary>
internal sealed record ChatHighlight(SKColor Accent, string? Tag, bool LargeTag)
{
    private static readonly SKColor Gold = new(0xFF, 0xC2, 0x33);
    private static readonly SKColor Sky = new(0x4C, 0xC9, 0xF0);
    private static readonly SKColor Mint = new(0x3D, 0xDC, 0x97);
    private static readonly SKColor Violet = new(0xB7, 0x94, 0xF6);

    private static readonly SKColor Slate = new(0x9A, 0xA4, 0xB5);

    /// <summary>
    /// After a flood the chat pipeline's prioritisation skipped messages: the first one shown says how many
    /// ("+123 more") at the end of its author line, so a sample of a busy chat reads as one.
    /// </summary>
    private static ChatHighlight? Skipped(ChatMessage message) =>
        message.Annotations.LastOrDefault(a => a.Kind == "skipped") is { Amount: > 0 and var skipped }
            ? new ChatHighlight(Slate, $"+{skipped:0} more", false)
            : null;

    /// <summary>
    /// The highlight of a message: its own (<c>bid</c>, <c>question</c>, <c>mention</c>, <c>moderator</c>), else a
    /// mention when the text names one of <paramref name="mentions"/>, else moderator when the author has that badge.
    /// </summary>
    public static ChatHighlight? For(ChatMessage message, IReadOnlyList<string> mentions)
    {
        var kind = message.Highlight
            ?? (mentions.Any(m => message.Text.Contains(m, StringComparison.OrdinalIgnoreCase)) ? "mention" : null)
            ?? (message.Badges.Contains("moderator", StringComparer.OrdinalIgnoreCase) ? "moderator" : null);
        return kind switch
        {
            "bid" => new ChatHighlight(Gold, BidText.TryRead(message, out var bid) && bid is not null ? bid.Display : "BID", true),
            "question" => new ChatHighlight(Violet, "Q&A", false),
            "mention" => new ChatHighlight(Sky, "@", false),
            "moderator" => new ChatHighlight(Mint, null, false),
            _ => Skipped(message),
        };
    }
}
