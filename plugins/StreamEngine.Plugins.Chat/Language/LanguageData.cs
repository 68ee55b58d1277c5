using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Chat.Language;

/// <summary>
/// The words one language's chat analysis reads: numbers, currencies, bid and raise cues, negations, question starters,
/// sentiment rules. Everything language-specific lives in an embedded data file (<c>Language/en.json</c>), so another
/// language is another file, not code.
/// </summary>
internal sealed class LanguageData
{
    private LanguageData(JsonObject o)
    {
        var numbers = o["numbers"]!.AsObject();
        Units = Map(numbers["units"]);
        Scales = Map(numbers["scales"]);
        Suffixes = Map(numbers["suffixes"]);
        Currencies = o["currencies"]!.AsObject().ToFrozenDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        BidCues = [.. Words(o, "bidCues").OrderByDescending(c => c.Length).Select(c => c.Split(' '))];
        RaiseCues = [.. Words(o, "raiseCues").OrderByDescending(c => c.Length).Select(c => c.Split(' '))];
        RaiseAfter = Set(o, "raiseAfter");
        Followers = Set(o, "amountFollowers");
        Negations = Set(o, "negations");
        Context = Set(o, "contextBefore");
        ContextUnlessCue = Set(o, "contextBeforeUnlessCue");
        TimeWords = Set(o, "timeWords");
        YearContext = Set(o, "yearContext");
        YearFollowers = Set(o, "yearFollowers");
        Fillers = Set(o, "fillers");
        QuoteVerbs = Set(o, "quoteVerbs");
        QuoteSkips = Set(o, "quoteSkips");
        Speakers = Set(o, "speakers");
        OpinionAfter = Set(o, "opinionAfter");
        QuestionOpeners = Set(o, "questionOpeners");
        Askers = Set(o, "askers");
        QuestionStarts = [.. Words(o, "questionStarts").OrderByDescending(c => c.Length).Select(c => c.Split(' '))];
        QuestionNotFollowedBy = Set(o, "questionNotFollowedBy");
        QuestionAux = Set(o, "questionAuxNeedSubject");
        QuestionSubjects = Set(o, "questionSubjects");
        var sentiment = o["sentiment"]!.AsObject();
        SentimentNegations = Set(sentiment, "negations");
        Boosters = Map(sentiment["boosters"]);
        Contrast = Set(sentiment, "contrast");
        LexiconExtra = Map(sentiment["extra"]);
    }

    public FrozenDictionary<string, double> Units { get; }
    public FrozenDictionary<string, double> Scales { get; }
    public FrozenDictionary<string, double> Suffixes { get; }
    public FrozenDictionary<string, string> Currencies { get; }
    public IReadOnlyList<string[]> BidCues { get; }
    public IReadOnlyList<string[]> RaiseCues { get; }
    public FrozenSet<string> RaiseAfter { get; }
    public FrozenSet<string> Followers { get; }
    public FrozenSet<string> Negations { get; }
    public FrozenSet<string> Context { get; }
    public FrozenSet<string> ContextUnlessCue { get; }
    public FrozenSet<string> TimeWords { get; }
    public FrozenSet<string> YearContext { get; }
    public FrozenSet<string> YearFollowers { get; }
    public FrozenSet<string> Fillers { get; }
    public FrozenSet<string> QuoteVerbs { get; }
    public FrozenSet<string> QuoteSkips { get; }
    public FrozenSet<string> Speakers { get; }
    public FrozenSet<string> OpinionAfter { get; }
    public IReadOnlyList<string[]> QuestionStarts { get; }
    public FrozenSet<string> QuestionOpeners { get; }
    public FrozenSet<string> Askers { get; }
    public FrozenSet<string> QuestionNotFollowedBy { get; }
    public FrozenSet<string> QuestionAux { get; }
    public FrozenSet<string> QuestionSubjects { get; }
    public FrozenSet<string> SentimentNegations { get; }
    public FrozenDictionary<string, double> Boosters { get; }
    public FrozenSet<string> Contrast { get; }
    public FrozenDictionary<string, double> LexiconExtra { get; }

    /// <summary>The embedded data of a language (<c>en</c>); throws naming the language when there is none.</summary>
    public static LanguageData Load(string language)
    {
        using var stream = typeof(LanguageData).Assembly.GetManifestResourceStream($"{language}.json")
            ?? throw new ArgumentException($"no chat language data for '{language}'; expected one of: en", nameof(language));
        return new LanguageData(JsonNode.Parse(stream)!.AsObject());
    }

    private static IEnumerable<string> Words(JsonObject o, string key) => o[key]!.AsArray().Select(n => n!.GetValue<string>());

    private static FrozenSet<string> Set(JsonObject o, string key) => Words(o, key).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, double> Map(JsonNode? node) =>
        node!.AsObject().ToFrozenDictionary(p => p.Key, p => p.Value!.GetValue<double>(), StringComparer.Ordinal);
}
