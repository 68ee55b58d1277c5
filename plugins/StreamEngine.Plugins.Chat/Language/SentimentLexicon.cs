using System.Collections.Frozen;
using System.Globalization;

namespace StreamEngine.Plugins.Chat.Language;

/// <summary>
/// VADER's sentiment lexicon (word → valence from -4 to 4) and its emoji descriptions, embedded as TSV data files
/// (vaderSentiment by C.J. Hutto, MIT License, <c>Language/VADER-LICENSE.txt</c>), plus the language file's own words.
/// </summary>
internal sealed class SentimentLexicon
{
    private SentimentLexicon(FrozenDictionary<string, double> valence, FrozenDictionary<string, string> emoji)
    {
        Valence = valence;
        Emoji = emoji;
    }

    public FrozenDictionary<string, double> Valence { get; }

    /// <summary>An emoji's description in words ("smiling face with hearts"), scored word by word like VADER does.</summary>
    public FrozenDictionary<string, string> Emoji { get; }

    public static SentimentLexicon Load(LanguageData language)
    {
        var valence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, value) in Rows("vader-lexicon.tsv"))
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) valence[word] = v;
        foreach (var (word, value) in language.LexiconExtra) valence[word] = value;
        var emoji = Rows("vader-emoji.tsv").GroupBy(r => r.Key).ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new SentimentLexicon(valence.ToFrozenDictionary(StringComparer.Ordinal), emoji);
    }

    private static IEnumerable<KeyValuePair<string, string>> Rows(string resource)
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the chat plugin was built without {resource}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab > 0) yield return new(line[..tab], line[(tab + 1)..].Split('\t')[0]);
        }
    }
}
