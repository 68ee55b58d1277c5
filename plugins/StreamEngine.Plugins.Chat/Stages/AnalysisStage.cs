using StreamEngine.Plugins.Chat.Analysis;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Chat.Stages;

/// <summary>
/// <c>chat.analysis</c>: annotates every message with its kind (<c>bid</c>, <c>question</c>, <c>other</c>), the bid's
/// amount, currency and raise, its sentiment and flags, each with a confidence. Its verdict becomes the message's
/// highlight (unless whoever posted it chose one), so the chat layer and scripts see the same bids.
/// </summary>
public sealed class AnalysisStage : IChatStage
{
    private readonly MessageAnalyzer _analyzer = new();

    /// <summary>Loads the language data and runs the analysis once, so its first real message on the frame thread pays no start-up cost.</summary>
    public AnalysisStage() => _analyzer.Analyze("warm up: I'll bid $1,250.50 for lot 3, fifty more? 😍 www.example.com");

    public string Name => "chat.analysis";

    public ChatVerdict Process(ChatMessage message)
    {
        var analysis = _analyzer.Analyze(message.Text);
        var annotated = message.Annotated(new ChatAnnotation(Name, analysis.Kind, analysis.Confidence)
        {
            Amount = analysis.Amount, Currency = analysis.Currency, Raise = analysis.Raise, Sentiment = analysis.Sentiment, Flags = [.. analysis.Flags],
        });
        return ChatVerdict.Pass(OwnsHighlight(message) ? annotated with { Highlight = Highlight(analysis.Kind, message.Badges) ?? (message.Highlight == "mention" ? "mention" : null) } : annotated);
    }

    /// <summary>Whether the message's highlight is the engine's guess (or a mention), which the analysis replaces; one its poster chose stays.</summary>
    private static bool OwnsHighlight(ChatMessage message) =>
        message.Highlight is null or "mention" || message.Highlight == EngineGuess(message.Text, message.Badges);

    private static string? Highlight(string kind, IReadOnlyList<string> badges) =>
        kind is "bid" or "question" ? kind : badges.Any(b => b is "moderator" or "broadcaster") ? "moderator" : null;

    /// <summary>The highlight the engine gives a message before any stage (the chat feed's rule).</summary>
    private static string? EngineGuess(string text, IReadOnlyList<string> badges) =>
        BidText.TryParse(text, out _) ? "bid" : badges.Any(b => b is "moderator" or "broadcaster") ? "moderator" : text.TrimEnd().EndsWith('?') ? "question" : null;

    /// <summary>The analysis of one text, for the command line (<c>chat classify</c>) through the same stage.</summary>
    internal MessageAnalysis Analyze(string text) => _analyzer.Analyze(text);
}
