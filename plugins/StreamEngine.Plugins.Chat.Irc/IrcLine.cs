using System.Text;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// One IRC line, IRCv3 message tags included: <c>@key=value;key2 :nick!user@host COMMAND param :trailing</c>.
/// Tag values are unescaped (<c>\:</c> <c>;</c>, <c>\s</c> space, <c>\\</c>, <c>\r</c>, <c>\n</c>; an unknown escape is the character itself).
/// </summary>
internal sealed record IrcLine(IReadOnlyDictionary<string, string> Tags, string? Prefix, string Command, IReadOnlyList<string> Params)
{
    /// <summary>The nick in the prefix (<c>nick!user@host</c>), or null for a server.</summary>
    public string? Nick => Prefix is { } p && p.IndexOf('!') is > 0 and var bang ? p[..bang] : Prefix is { } q && !q.Contains('.') ? q : null;

    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    public string Param(int i) => i < Params.Count ? Params[i] : "";

    /// <summary>Reads a line; null when it has no command.</summary>
    public static IrcLine? Parse(string line)
    {
        var rest = line.AsSpan().TrimEnd("\r\n");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rest.StartsWith("@"))
        {
            var end = rest.IndexOf(' ');
            if (end < 0) return null;
            foreach (var pair in rest[1..end].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                tags[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : Unescape(pair[(eq + 1)..]);
            }
            rest = rest[(end + 1)..].TrimStart(' ');
        }
        string? prefix = null;
        if (rest.StartsWith(":"))
        {
            var end = rest.IndexOf(' ');
            if (end < 0) return null;
            prefix = rest[1..end].ToString();
            rest = rest[(end + 1)..].TrimStart(' ');
        }
        var parameters = new List<string>();
        while (rest.Length > 0)
        {
            if (rest[0] == ':') { parameters.Add(rest[1..].ToString()); break; }
            var end = rest.IndexOf(' ');
            parameters.Add((end < 0 ? rest : rest[..end]).ToString());
            rest = end < 0 ? [] : rest[(end + 1)..].TrimStart(' ');
        }
        if (parameters.Count == 0) return null;
        return new IrcLine(tags, prefix, parameters[0].ToUpperInvariant(), parameters[1..]);
    }

    public static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') { text.Append(value[i]); continue; }
            if (++i == value.Length) break; // a trailing lone backslash is dropped
            text.Append(value[i] switch { ':' => ';', 's' => ' ', 'r' => '\r', 'n' => '\n', var c => c });
        }
        return text.ToString();
    }
}
