using System.Globalization;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Stages;

/// <summary>
/// <c>chat.interaction</c>: a message that is only emoji or emotes is a reaction — it is counted (scripts, the API
/// and <c>Reactions</c> events see the counts) instead of taking a line; mentions are annotated and highlighted;
/// a reply (the platform's reply-to, or a message opening with "@name" of a recent author) is annotated with the
/// message it answers and the thread it belongs to (<c>reply-to:ID</c>, <c>thread:ID</c>) so the chat layer can group it.
/// </summary>
public sealed partial class InteractionStage(ChatRoom room) : IChatStage
{
    private const int Remembered = 4096;
    private readonly Dictionary<string, string> _threadOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastBy = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();

    [GeneratedRegex(@"(?<![\w@])@([\p{L}\p{N}_]{1,64})", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    public string Name => "chat.interaction";

    public ChatVerdict Process(ChatMessage message)
    {
        if (ReactionsIn(message) is { Count: > 0 } reactions)
        {
            foreach (var r in reactions.Take(10)) room.Reactions.Add(r);
            return ChatVerdict.Drop("reaction");
        }
        var mentions = message.Mentions.Concat(Mention().Matches(message.Text).Select(m => m.Groups[1].Value)).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var (replyTo, inferred) = message.ReplyTo is { } id ? (id, false)
            : mentions.Count > 0 && message.Text.TrimStart().StartsWith('@') && _lastBy.TryGetValue(mentions[0], out var last) ? (last, true) : (null, false);
        var thread = replyTo is null ? message.Id : _threadOf.GetValueOrDefault(replyTo, replyTo);
        Remember(message, thread);
        if (mentions.Count > 0)
        {
            message = message.Annotated(new ChatAnnotation(Name, "mention") { Flags = [.. mentions.Select(m => "@" + m)] });
            if (message.Highlight is null) message = message with { Highlight = "mention" };
        }
        if (replyTo is not null)
            message = message.Annotated(new ChatAnnotation(Name, "reply", inferred ? 0.6 : 1) { Flags = ["reply-to:" + replyTo, "thread:" + thread] });
        return ChatVerdict.Pass(message);
    }

    /// <summary>The emoji and emotes of a message made of nothing else (at most 40 characters of text), else none.</summary>
    private static List<string> ReactionsIn(ChatMessage message)
    {
        var text = message.Text;
        var found = new List<string>();
        var rest = new System.Text.StringBuilder();
        var covered = new bool[text.Length];
        foreach (var emote in message.Emotes.Where(e => e.Start >= 0 && e.Length > 0 && e.Start + e.Length <= text.Length))
        {
            found.Add(emote.Name);
            for (var i = emote.Start; i < emote.Start + emote.Length; i++) covered[i] = true;
        }
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (covered[elements.ElementIndex] || string.IsNullOrWhiteSpace(element)) continue;
            if (IsEmoji(element)) found.Add(element.Replace("\uFE0F", ""));
            else rest.Append(element);
        }
        return rest.Length == 0 && text.Trim().Length <= 40 ? found : [];
    }

    private static bool IsEmoji(string element)
    {
        if (System.Text.Rune.DecodeFromUtf16(element, out var rune, out _) != System.Buffers.OperationStatus.Done) return false;
        if (char.IsAsciiDigit(element[0]) || element[0] is '#' or '*') return false; // a keycap digit is a number, not a reaction
        var category = System.Text.Rune.GetUnicodeCategory(rune);
        return category == UnicodeCategory.OtherSymbol || (rune.Value is >= 0x1F000 and <= 0x1FAFF) || rune.Value is 0x2764;
    }

    private void Remember(ChatMessage message, string thread)
    {
        _threadOf[message.Id] = thread;
        _lastBy[message.Author] = message.Id;
        _order.Enqueue(message.Id);
        while (_order.Count > Remembered) _threadOf.Remove(_order.Dequeue());
        if (_lastBy.Count > Remembered) _lastBy.Clear();
    }
}
