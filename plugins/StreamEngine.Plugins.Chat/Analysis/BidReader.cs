using StreamEngine.Plugins.Chat.Language;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>A bid read in a message: the amount (for a raise, the raise itself), its currency, and how sure the reading is.</summary>
internal sealed record BidReading(decimal Amount, string? Currency, bool Raise, double Confidence);

/// <summary>
/// Reads the bid in a message, word by word around each number: a bid says so (a cue like "bid", "I'll do", a
/// currency, a "+" raise) or is the whole message ("50!", "fifty", "1.2k"). A number is not a bid when it is asked
/// ("50?", "who bids 50"), negated ("not 50"), quoted from someone else ("@ana said 50"), a time ("10:30", "10 pm"),
/// a lot or other reference ("lot 50"), a year ("in 2019"), a quantity ("50 people") or a number in a sentence
/// without a cue. The reason it was passed over is kept as a flag (<c>not-bid:quantity</c>).
/// </summary>
internal sealed class BidReader(LanguageData language)
{
    public BidReading? Read(ChatText text, bool numeralsFromWords, List<string> flags)
    {
        foreach (var amount in Amount.All(text.Text, language.Currencies))
        {
            var (reading, reason) = Judge(text, amount);
            if (reading is not null)
                return numeralsFromWords ? reading with { Confidence = reading.Confidence - 0.05 } : reading;
            if (!flags.Contains("not-bid:" + reason)) flags.Add("not-bid:" + reason);
        }
        return null;
    }

    private (BidReading?, string) Judge(ChatText text, Amount amount)
    {
        var m = amount.Match;
        var (clauseStart, clauseEnd, terminator) = Clause(text.Text, m.Index, m.Index + m.Length);
        var words = text.Words;
        var before = Enumerable.Range(0, words.Count).Where(i => words[i].Index + words[i].Length <= m.Index).ToList();
        var after = Enumerable.Range(0, words.Count).Where(i => words[i].Index >= m.Index + m.Length).ToList();
        var clauseBefore = before.Where(i => words[i].Index >= clauseStart).Select(text.Word).ToList();
        var clauseAfter = after.Where(i => words[i].Index < clauseEnd).Select(text.Word).ToList();

        var currency = amount.Currency;
        var raise = amount.Plus;
        var next = 0;
        if (currency is null && clauseAfter.Count > next && language.Currencies.TryGetValue(clauseAfter[next]!, out var named)) (currency, next) = (named, next + 1);
        if (clauseAfter.Count > next && language.RaiseAfter.Contains(clauseAfter[next]!)) (raise, next) = (true, next + 1);
        var following = clauseAfter.Count > next ? clauseAfter[next] : null;
        var previous = clauseBefore.Count > 0 ? clauseBefore[^1] : null;

        var (cue, cueSpans) = Cues(clauseBefore);
        if (RaiseCue(clauseBefore)) raise = true;
        var plain = currency is null && !amount.Scaled && !raise && amount.Value == decimal.Truncate(amount.Value);

        if (terminator == '?') return (null, "question");
        if (following is not null && language.TimeWords.Contains(following)) return (null, "time");
        if (plain && amount.Value is >= 1900 and <= 2099 && (previous is not null && language.YearContext.Contains(previous) || following is not null && language.YearFollowers.Contains(following)))
            return (null, "year");
        var cueRightBefore = CueEndsAt(cueSpans, clauseBefore.Count - 1) || RaiseCue(clauseBefore);
        var bare = Bare(clauseBefore, following);
        if (previous is not null && !cueRightBefore && (language.Context.Contains(previous) || (!cue && !bare && language.ContextUnlessCue.Contains(previous)))) return (null, "reference");
        if (clauseBefore.TakeLast(4).Any(w => language.Negations.Contains(w!))) return (null, "negated");
        if (clauseBefore.Any(w => language.Askers.Contains(w!)) || clauseBefore.Count > 0 && language.QuestionOpeners.Contains(clauseBefore[0]!)) return (null, "question");
        if (Quoted(clauseBefore, cueSpans)) return (null, "quoted");
        if (following is not null && !Follows(following)) return (null, language.OpinionAfter.Contains(following) ? "opinion" : "quantity");
        if (amount.Value <= 0) return (null, "zero");

        var strong = cue || currency is not null || raise;
        if (!strong && !bare) return (null, "sentence");
        var confidence = cue && currency is not null ? 0.97 : strong ? 0.93 : 0.8;
        if (amount.Scaled) confidence -= 0.02;
        return (new BidReading(amount.Value, currency, raise, confidence), "");
    }

    private bool Follows(string word) =>
        language.Followers.Contains(word) || language.Fillers.Contains(word) || language.Currencies.ContainsKey(word)
        || word.StartsWith('@') || char.IsDigit(word[0]);

    /// <summary>Whether the clause opens with the amount (after greetings, fillers or a mention) and a word that may follow a bid: "ok 50 here", "92 for the lamp".</summary>
    private bool Bare(List<string?> before, string? following) =>
        before.All(w => w is not null && (language.Fillers.Contains(w) || w.StartsWith('@'))) && (following is null || Follows(following));

    private static bool CueEndsAt(List<(int Start, int End)> spans, int index) => index >= 0 && spans.Any(s => s.End == index);

    /// <summary>Whether a bid cue ends within three words before the amount, and where every cue in the clause is.</summary>
    private (bool Near, List<(int Start, int End)> Spans) Cues(List<string?> before)
    {
        var spans = new List<(int, int)>();
        var near = false;
        for (var start = 0; start < before.Count; start++)
            foreach (var cue in language.BidCues)
            {
                if (start + cue.Length > before.Count || !cue.Select((w, k) => before[start + k] == w).All(b => b)) continue;
                spans.Add((start, start + cue.Length - 1));
                if (before.Count - (start + cue.Length) <= 3) near = true;
            }
        return (near, spans);
    }

    /// <summary>A raise cue right before the amount: "raise 5", "raise by 5", "another 10" (but "raise to 60" is a price).</summary>
    private bool RaiseCue(List<string?> before) =>
        language.RaiseCues.Any(cue => cue.Length <= before.Count && cue.Select((w, k) => before[before.Count - cue.Length + k] == w).All(b => b));

    /// <summary>
    /// Whether the amount is someone else's: a reporting verb ("said", "bid", "is at") whose subject is not the writer
    /// ("@ana said 50", "he bid 50", "current bid is 50"). A verb inside a longer cue ("my bid is") is the writer's own.
    /// </summary>
    private bool Quoted(List<string?> before, List<(int Start, int End)> cues)
    {
        for (var j = 0; j < before.Count; j++)
        {
            if (!language.QuoteVerbs.Contains(before[j]!) || cues.Any(c => c.Start < j && j <= c.End)) continue;
            var k = j - 1;
            while (k >= 0 && language.QuoteSkips.Contains(before[k]!)) k--;
            if (k < 0)
            {
                if (before[j] is "bid" or "bids") continue;
                return true;
            }
            if (!language.Speakers.Contains(before[k]!)) return true;
        }
        return false;
    }

    /// <summary>The clause holding the amount: its start, its end and the character that ends it ('?', '!', '.' …, or '\0').</summary>
    private static (int Start, int End, char Terminator) Clause(string text, int from, int to)
    {
        var start = 0;
        for (var i = from - 1; i >= 0; i--)
            if (Boundary(text, i)) { start = i + 1; break; }
        for (var i = to; i < text.Length; i++)
            if (Boundary(text, i))
            {
                var end = i;
                while (i < text.Length && (Boundary(text, i) || text[i] is ' ' or '!' or '?')) { if (text[i] == '?') return (start, end, '?'); i++; }
                return (start, end, text[end]);
            }
        return (start, text.Length, '\0');
    }

    private static bool Boundary(string text, int i) => text[i] switch
    {
        '?' or ';' or '\n' => true,
        ':' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
        '!' => i + 1 >= text.Length || !char.IsLetter(text[i + 1]),
        '.' or ',' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };
}
