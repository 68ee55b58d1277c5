using System.Globalization;
using StreamEngine.Plugins.Chat.Analysis;
using Xunit.Abstractions;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// The analysis against a hand-labelled corpus of live-auction chat (<c>corpus/chat-en.tsv</c>): bids with amounts,
/// their look-alikes, questions, sentiment. Precision and recall are printed; the bid thresholds are the product's.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly MessageAnalyzer Analyzer = new();

    private sealed record Row(string Text, string Kind, decimal? Amount, string? Currency, bool Raise, string Sentiment);

    private static List<Row> Corpus() =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "corpus", "chat-en.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new Row(c[0], c[1], c[2].Length > 0 ? decimal.Parse(c[2], CultureInfo.InvariantCulture) : null,
                c[3].Length > 0 ? c[3] : null, c[4] == "true", c[5])),
    ];

    [Fact]
    public void The_corpus_has_at_least_300_labelled_messages_of_every_kind()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 300, $"{corpus.Count} messages");
        Assert.All(["bid", "question", "other"], k => Assert.Contains(corpus, r => r.Kind == k));
        Assert.All(corpus.Where(r => r.Kind == "bid"), r => Assert.NotNull(r.Amount));
    }

    [Fact]
    public void Bids_are_found_with_precision_098_and_recall_095_and_their_amounts_exact()
    {
        var corpus = Corpus();
        var results = corpus.Select(r => (Row: r, Found: Analyzer.Analyze(r.Text))).ToList();
        var truePositives = results.Where(x => x.Row.Kind == "bid" && x.Found.Kind == "bid").ToList();
        var falsePositives = results.Where(x => x.Row.Kind != "bid" && x.Found.Kind == "bid").ToList();
        var falseNegatives = results.Where(x => x.Row.Kind == "bid" && x.Found.Kind != "bid").ToList();
        var precision = (double)truePositives.Count / (truePositives.Count + falsePositives.Count);
        var recall = (double)truePositives.Count / (truePositives.Count + falseNegatives.Count);
        var exact = truePositives.Where(x => x.Found.Amount == x.Row.Amount && x.Found.Currency == x.Row.Currency && x.Found.Raise == x.Row.Raise).ToList();
        var amountsExact = (double)exact.Count / truePositives.Count;

        output.WriteLine($"bids: precision {precision:0.000} recall {recall:0.000} amounts exact {amountsExact:0.000} ({truePositives.Count} found, {falsePositives.Count} false, {falseNegatives.Count} missed, of {corpus.Count} messages)");
        foreach (var (row, found) in falsePositives) output.WriteLine($"  false bid: {row.Text} -> {found.Amount} {found.Currency}");
        foreach (var (row, found) in falseNegatives) output.WriteLine($"  missed: {row.Text} -> {found.Kind} [{string.Join(", ", found.Flags)}]");
        foreach (var (row, found) in truePositives.Except(exact)) output.WriteLine($"  wrong amount: {row.Text} -> {found.Amount} {found.Currency} raise={found.Raise}, expected {row.Amount} {row.Currency} raise={row.Raise}");

        Assert.True(precision >= 0.98, $"bid precision {precision:0.000}");
        Assert.True(recall >= 0.95, $"bid recall {recall:0.000}");
        Assert.True(amountsExact >= 0.98, $"amounts exact on {amountsExact:0.000} of found bids");
    }

    [Fact]
    public void Questions_are_found_with_precision_and_recall_090()
    {
        var results = Corpus().Select(r => (Row: r, Found: Analyzer.Analyze(r.Text))).ToList();
        var tp = results.Count(x => x.Row.Kind == "question" && x.Found.Kind == "question");
        var fp = results.Where(x => x.Row.Kind != "question" && x.Found.Kind == "question").ToList();
        var fn = results.Where(x => x.Row.Kind == "question" && x.Found.Kind != "question").ToList();
        var precision = (double)tp / (tp + fp.Count);
        var recall = (double)tp / (tp + fn.Count);
        output.WriteLine($"questions: precision {precision:0.000} recall {recall:0.000}");
        foreach (var (row, found) in fp) output.WriteLine($"  false question: {row.Text} ({found.Kind})");
        foreach (var (row, found) in fn) output.WriteLine($"  missed question: {row.Text} -> {found.Kind}");

        Assert.True(precision >= 0.9, $"question precision {precision:0.000}");
        Assert.True(recall >= 0.9, $"question recall {recall:0.000}");
    }

    [Fact]
    public void Sentiment_has_the_labelled_sign_on_at_least_80_percent()
    {
        var labelled = Corpus().Where(r => r.Sentiment is "pos" or "neg").ToList();
        var wrong = labelled.Select(r => (Row: r, Score: Analyzer.Analyze(r.Text).Sentiment))
            .Where(x => x.Row.Sentiment == "pos" ? x.Score <= 0.05 : x.Score >= -0.05).ToList();
        var agreement = 1 - (double)wrong.Count / labelled.Count;
        output.WriteLine($"sentiment: sign agrees on {agreement:0.000} of {labelled.Count} labelled messages");
        foreach (var (row, score) in wrong) output.WriteLine($"  {row.Text}: {score:0.00}, labelled {row.Sentiment}");

        Assert.True(agreement >= 0.8, $"sentiment sign agreement {agreement:0.000}");
    }
}
