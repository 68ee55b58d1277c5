using System.Text;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// A reply as IRC lines: every line, CRLF included, fits the protocol's 512 bytes, with room left for the
/// <c>:nick!user@host </c> prefix the server puts in front when it relays it, so no receiver sees it clipped. A long
/// reply becomes several lines, cut between words where it can and never inside a UTF-8 character; line breaks and
/// other control characters in the reply become spaces, so a reply can never start a second command.
/// </summary>
internal static class OutgoingLines
{
    public const int MaxBytes = 512;

    /// <summary>At most this many lines per reply (each costs a send in the rate window); the rest is dropped.</summary>
    public const int MaxLines = 5;

    // ':' nick '!' user (Twitch and most networks cap it at 10) '@' host (a DNS name is at most 63 per label; cloaks stay under it) ' '
    private const int RelayRoom = 1 + 1 + 10 + 1 + 63 + 1;

    /// <summary>The lines that carry <paramref name="text"/>, each <paramref name="head"/> (for example <c>PRIVMSG #show :</c>) and a part.</summary>
    public static List<string> Of(string head, string text, string nick)
    {
        // + 5: the '_1234' a taken nick gets
        var room = MaxBytes - 2 - Encoding.UTF8.GetByteCount(head) - RelayRoom - Encoding.UTF8.GetByteCount(nick) - 5;
        if (room < 16) throw new ArgumentException($"the line head '{head}' leaves no room for text", nameof(head));
        return [.. Parts(Clean(text), room).Select(part => head + part)];
    }

    /// <summary>The text on one line: control characters (CR, LF, NUL …) become spaces, runs of spaces one.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsControl(c) || c == ' ';
            if (space && (clean.Length == 0 || clean[^1] == ' ')) continue;
            clean.Append(space ? ' ' : c);
        }
        return clean.ToString().TrimEnd();
    }

    /// <summary>Cuts the text into parts of at most <paramref name="maxBytes"/> UTF-8 bytes, at the last space that fits, or else at the last whole character.</summary>
    public static IEnumerable<string> Parts(string text, int maxBytes)
    {
        var rest = text;
        for (var lines = 0; rest.Length > 0 && lines < MaxLines; lines++)
        {
            int bytes = 0, end = 0, space = -1;
            foreach (var rune in rest.EnumerateRunes())
            {
                if (bytes + rune.Utf8SequenceLength > maxBytes) break;
                bytes += rune.Utf8SequenceLength;
                if (rune.Value == ' ') space = end;
                end += rune.Utf16SequenceLength;
            }
            var cut = end == rest.Length || space <= 0 ? end : space;
            yield return rest[..cut];
            rest = rest[cut..].TrimStart(' ');
        }
    }
}
