using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StreamEngine.Plugins.Chat.Language;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>
/// A message made readable for the analysis: lower case, emoji digits ("5️⃣0️⃣", "🔟") and full-width digits as
/// digits, number words ("fifty five", "a grand", "two hundred") as numerals, and its words with their positions.
/// </summary>
internal sealed partial class ChatText
{
    [GeneratedRegex(@"[@#!]?[\p{L}\p{N}]+(?:['’][\p{L}]+)*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private ChatText(string text, IReadOnlyList<Match> words)
    {
        Text = text;
        Words = words;
    }

    public string Text { get; }

    public IReadOnlyList<Match> Words { get; }

    public static ChatText Read(string original, LanguageData language)
    {
        var text = Numerals(Digits(original).ToLowerInvariant(), language);
        return new ChatText(text, WordPattern().Matches(text).ToList());
    }

    /// <summary>The word (lower case, without a trailing dot) at index <paramref name="i"/>, or null outside the message.</summary>
    public string? Word(int i) => i >= 0 && i < Words.Count ? Words[i].Value.TrimEnd('.') : null;

    private static string Digits(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uFF10' and <= '\uFF19') { builder.Append((char)('0' + c - '\uFF10')); continue; }
            if (char.IsDigit(c) && c <= '9' && i + 1 < text.Length && (text[i + 1] == '\u20E3' || (text[i + 1] == '\uFE0F' && i + 2 < text.Length && text[i + 2] == '\u20E3')))
            {
                builder.Append(c); // a keycap emoji: the digit, its variation selector and the enclosing keycap
                i += text[i + 1] == '\uFE0F' ? 2 : 1;
                continue;
            }
            if (text.AsSpan(i).StartsWith("🔟")) { builder.Append("10"); i++; continue; }
            builder.Append(c is '’' or '‘' ? '\'' : c);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Letters();

    /// <summary>Runs of number words as one numeral: "fifty five" → 55, "two hundred and fifty" → 250, "a grand" → 1000.</summary>
    private static string Numerals(string text, LanguageData language)
    {
        var words = Letters().Matches(text);
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var (end, value) = Run(text, words, i, language);
            if (end < i || (end == i && value == 1 && i > 0)) continue; // "this one", "no one": a pronoun, unless the message opens with it
            builder.Append(text, copied, words[i].Index - copied).Append(value.ToString(CultureInfo.InvariantCulture));
            copied = words[end].Index + words[end].Length;
            i = end;
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The number-word run starting at word <paramref name="start"/>: index of its last word and its value; end &lt; start when none.</summary>
    private static (int End, decimal Value) Run(string text, MatchCollection words, int start, LanguageData language)
    {
        decimal total = 0, current = 0;
        var end = -1;
        var any = false;
        for (var i = start; i < words.Count; i++)
        {
            if (i > start && !OnlySpaceOrHyphen(text, words[i - 1], words[i])) break;
            var w = words[i].Value;
            if (language.Units.TryGetValue(w, out var unit))
            {
                var v = (decimal)unit;
                if (current is >= 1 and <= 9 && total == 0 && v >= 10) current = current * 100 + v; // "one fifty" is 150
                else if (current % 100 != 0 && (v >= 10 || current % 10 != 0)) break; // "ten thirty" is a time, not 40
                else current += v;
            }
            else if (language.Scales.TryGetValue(w, out var scale))
            {
                if (!any && i == start) break;
                if (scale < 1000) current = (current == 0 ? 1 : current) * (decimal)scale;
                else { total += (current == 0 ? 1 : current) * (decimal)scale; current = 0; }
            }
            else if (i == start && w is "a" or "an" && i + 1 < words.Count && language.Scales.ContainsKey(words[i + 1].Value) && OnlySpaceOrHyphen(text, words[i], words[i + 1]))
            {
                current = 1;
                continue;
            }
            else if (any && w is "and" && i + 1 < words.Count && language.Units.ContainsKey(words[i + 1].Value)) continue;
            else break;
            any = true;
            end = i;
        }
        return any ? (end, total + current) : (-1, 0);
    }

    private static bool OnlySpaceOrHyphen(string text, Match before, Match after)
    {
        var gap = text.AsSpan(before.Index + before.Length, after.Index - before.Index - before.Length);
        return gap.Length is > 0 and <= 2 && gap.Trim(" -").IsEmpty;
    }
}
