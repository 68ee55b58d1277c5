using System.Globalization;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// A PRIVMSG as a chat message. Twitch's tags give the message id, the author's user id, display name, color,
/// badges, emotes with their positions and the message replied to; a plain IRC server gives the nick (and
/// <c>msgid</c>/<c>account</c> when it speaks IRCv3).
/// </summary>
internal static class ChatLines
{
    public static IncomingChatMessage? Message(IrcLine line, string fallbackId)
    {
        if (line.Nick is not { } nick || line.Params.Count < 2) return null;
        var text = line.Params[1];
        if (text.StartsWith("\u0001ACTION ", StringComparison.Ordinal)) text = text[8..].TrimEnd('\u0001');
        else if (text.StartsWith('\u0001')) return null; // other CTCP requests are not chat
        var sent = long.TryParse(line.Tag("tmi-sent-ts"), out var ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, 253402300799999)) : DateTimeOffset.UtcNow;
        var id = line.Tag("id") is { Length: > 0 } twitchId ? twitchId : line.Tag("msgid") is { Length: > 0 } msgId ? msgId : fallbackId;
        var authorId = line.Tag("user-id") is { Length: > 0 } userId ? userId : line.Tag("account") is { Length: > 0 } account ? account : nick.ToLowerInvariant();
        return new IncomingChatMessage(id, authorId, line.Tag("display-name") is { Length: > 0 } shown ? shown : nick, text, sent)
        {
            Badges = Badges(line),
            Color = line.Tag("color") is { Length: 7 } color && color[0] == '#' ? color : null,
            Emotes = Emotes(line.Tag("emotes"), text),
            ReplyTo = line.Tag("reply-parent-msg-id") is { Length: > 0 } parent ? parent : null,
            Mentions = [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && w[0] == '@').Select(w => w[1..].TrimEnd(',', '.', '?', '!', ':')).Take(32)],
        };
    }

    /// <summary><c>badges=broadcaster/1,subscriber/12</c> → broadcaster, subscriber (and moderator from <c>mod=1</c>).</summary>
    private static IReadOnlyList<string> Badges(IrcLine line)
    {
        var badges = line.Tag("badges").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => b.Split('/')[0]).Where(b => b.Length > 0).Take(16).ToList();
        if (line.Tag("mod") == "1" && !badges.Contains("moderator")) badges.Add("moderator");
        return badges;
    }

    /// <summary>
    /// <c>emotes=25:0-4,12-16/1902:6-10</c>: emote id, then inclusive start-end positions counted in Unicode code
    /// points (so an emoji before an emote shifts it by one, not two), turned into UTF-16 indexes of the text.
    /// </summary>
    public static IReadOnlyList<ChatEmote> Emotes(string tag, string text)
    {
        if (tag.Length == 0) return [];
        var starts = CodePointStarts(text);
        var emotes = new List<ChatEmote>();
        foreach (var group in tag.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = group.IndexOf(':');
            if (colon <= 0) continue;
            var emoteId = group[..colon];
            foreach (var range in group[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var dash = range.IndexOf('-');
                if (dash <= 0 || !int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                    || !int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                    || first > last || last >= starts.Count) continue;
                var start = starts[first];
                var end = last + 1 < starts.Count ? starts[last + 1] : text.Length;
                emotes.Add(new ChatEmote(text[start..end], start, end - start, $"https://static-cdn.jtvnw.net/emoticons/v2/{Uri.EscapeDataString(emoteId)}/default/dark/1.0"));
                if (emotes.Count == 64) return emotes;
            }
        }
        return [.. emotes.OrderBy(e => e.Start)];
    }

    private static List<int> CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) starts.Add(i);
        return starts;
    }
}
