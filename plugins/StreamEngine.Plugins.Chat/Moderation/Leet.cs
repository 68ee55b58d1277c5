using System.Text;

namespace StreamEngine.Plugins.Chat.Moderation;

/// <summary>Leetspeak folded to letters ("h4t3" → "hate", "$h!t" → "shit"), accents and repeated letters dropped, so one blocked word catches its spellings.</summary>
internal static class Leet
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            var folded = char.ToLowerInvariant(c) switch
            {
                '4' or '@' => 'a', '8' => 'b', '3' => 'e', '6' or '9' => 'g', '1' or '!' or '|' => 'i', '0' => 'o',
                '5' or '$' => 's', '7' or '+' => 't', '2' => 'z', var other => other,
            };
            if (char.IsLetter(folded) || folded == ' ') builder.Append(folded);
            else if (!char.IsLetterOrDigit(c)) builder.Append(char.IsWhiteSpace(c) ? ' ' : '\0');
        }
        var squeezed = new StringBuilder(builder.Length);
        foreach (var c in builder.ToString().Replace("\0", ""))
            if (squeezed.Length == 0 || c != squeezed[^1]) squeezed.Append(c); // "haaate" is "hate"; blocked words are folded the same way
        return squeezed.ToString();
    }
}
