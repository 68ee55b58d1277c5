using StreamEngine.Plugins.Chat.Language;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>What the analysis found in one message.</summary>
/// <param name="Kind"><c>bid</c>, <c>question</c> or <c>other</c>.</param>
/// <param name="Amount">The bid's amount (for a raise, the raise itself), or null.</param>
/// <param name="Currency">The bid's currency code, or null when none was written.</param>
/// <param name="Raise">Whether the bid raises the current price by <paramref name="Amount"/> ("+5").</param>
/// <param name="Sentiment">-1 (negative) to 1 (positive).</param>
/// <param name="Confidence">How sure the kind is, 0 to 1.</param>
/// <param name="Flags">What else was noticed: <c>caps</c>, <c>link</c>, <c>not-bid:time</c> (a number passed over, and why) ….</param>
internal sealed record MessageAnalysis(string Kind, decimal? Amount, string? Currency, bool Raise, double Sentiment, double Confidence, IReadOnlyList<string> Flags);

/// <summary>The analysis of chat messages in one language: bids with amount and currency, questions, sentiment.</summary>
internal sealed class MessageAnalyzer
{
    private readonly LanguageData _language;
    private readonly BidReader _bids;
    private readonly QuestionReader _questions;
    private readonly SentimentReader _sentiment;

    public MessageAnalyzer(string language = "en")
    {
        _language = LanguageData.Load(language);
        _bids = new BidReader(_language);
        _questions = new QuestionReader(_language);
        _sentiment = new SentimentReader(_language, SentimentLexicon.Load(_language));
    }

    public MessageAnalysis Analyze(string message)
    {
        var text = ChatText.Read(message.Length > 500 ? message[..500] : message, _language);
        var flags = new List<string>();
        if (message.Count(char.IsLetter) >= 6 && message.Count(char.IsUpper) >= 0.7 * message.Count(char.IsLetter)) flags.Add("caps");
        if (Links.Contains(message)) flags.Add("link");
        var fromWords = !message.Any(char.IsAsciiDigit) && text.Text.Any(char.IsAsciiDigit);
        var bid = _bids.Read(text, fromWords, flags);
        var question = bid is null ? _questions.Read(text) : 0;
        var sentiment = _sentiment.Read(message);
        if (bid is not null) return new("bid", bid.Amount, bid.Currency, bid.Raise, sentiment, bid.Confidence, flags);
        if (question > 0) return new("question", null, null, false, sentiment, question, flags);
        return new("other", null, null, false, sentiment, flags.Any(f => f.StartsWith("not-bid:", StringComparison.Ordinal)) ? 0.75 : 0.9, flags);
    }
}
