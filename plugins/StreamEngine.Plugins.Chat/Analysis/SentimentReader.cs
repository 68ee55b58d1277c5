using System.Globalization;
using StreamEngine.Plugins.Chat.Language;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>
/// Sentiment from -1 to 1 with VADER's rules (Hutto &amp; Gilbert, 2014) over its lexicon: each word's valence,
/// raised or lowered by boosters ("very", "kinda") up to three words before it, flipped and damped by a negation in
/// those three words, emphasised by ALL CAPS in a mixed-case message; words before "but" count half and after it one
/// and a half; exclamation marks add emphasis; emoji count through their descriptions. The sum is normalised as VADER
/// does: s / sqrt(s² + 15).
/// </summary>
internal sealed class SentimentReader(LanguageData language, SentimentLexicon lexicon)
{
    private const double CapsIncrement = 0.733, NegationScalar = -0.74, ExclamationIncrement = 0.292;

    public double Read(string original)
    {
        var tokens = Tokens(original);
        var mixedCase = tokens.Any(t => t.Any(char.IsLower));
        var valences = new List<double>(tokens.Count);
        var contrastAt = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].ToLowerInvariant();
            if (language.Contrast.Contains(word)) contrastAt = valences.Count;
            if (language.Boosters.ContainsKey(word) || !lexicon.Valence.TryGetValue(word, out var valence)) { valences.Add(0); continue; }
            if (mixedCase && Shouting(tokens[i])) valence += Math.Sign(valence) * CapsIncrement;
            for (var back = 1; back <= 3 && i - back >= 0; back++)
            {
                var before = tokens[i - back].ToLowerInvariant();
                if (language.Boosters.TryGetValue(before, out var boost))
                {
                    var scalar = (valence < 0 ? -boost : boost) * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                    if (mixedCase && Shouting(tokens[i - back])) scalar += Math.Sign(valence) * CapsIncrement;
                    valence += scalar;
                }
                if (language.SentimentNegations.Contains(before) || before.EndsWith("n't", StringComparison.Ordinal)) valence *= NegationScalar;
            }
            valences.Add(valence);
        }
        if (contrastAt >= 0)
            for (var i = 0; i < valences.Count; i++) valences[i] *= i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1;
        var sum = valences.Sum();
        if (sum != 0) sum += Math.Sign(sum) * Math.Min(4, original.Count(c => c == '!')) * ExclamationIncrement;
        var score = sum / Math.Sqrt(sum * sum + 15);
        return double.IsFinite(score) ? Math.Round(Math.Clamp(score, -1, 1), 4) : 0;
    }

    private static bool Shouting(string token) => token.Length > 1 && token.Any(char.IsLetter) && !token.Any(char.IsLower);

    /// <summary>Words with their punctuation trimmed (emoticons kept when the lexicon knows them), emoji as the words that describe them.</summary>
    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (lexicon.Valence.ContainsKey(raw.ToLowerInvariant()) && !raw.Any(char.IsLetter)) { tokens.Add(raw); continue; }
            var word = new System.Text.StringBuilder();
            var elements = StringInfo.GetTextElementEnumerator(raw);
            while (elements.MoveNext())
            {
                var element = (string)elements.Current;
                var emoji = lexicon.Emoji.GetValueOrDefault(element) ?? (element.Length > 1 && System.Text.Rune.DecodeFromUtf16(element, out _, out var used) == System.Buffers.OperationStatus.Done ? lexicon.Emoji.GetValueOrDefault(element[..used]) : null);
                if (emoji is not null)
                {
                    Flush(word, tokens);
                    tokens.AddRange(emoji.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else word.Append(element);
            }
            Flush(word, tokens);
        }
        return tokens;
    }

    private static void Flush(System.Text.StringBuilder word, List<string> tokens)
    {
        var trimmed = word.ToString().Trim('.', ',', '!', '?', ';', ':', '"', '(', ')', '*', '~');
        if (trimmed.Length > 0) tokens.Add(trimmed);
        word.Clear();
    }
}
