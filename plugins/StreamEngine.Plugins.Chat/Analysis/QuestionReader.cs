using StreamEngine.Plugins.Chat.Language;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>
/// Whether a message asks something: a clause ending in "?", or one that opens like a question without the mark
/// ("what's the reserve", "is shipping included", "anyone know the size") — but not an exclamation ("what a beauty",
/// "how cool is that!"). Returns the confidence, 0 when it is not a question.
/// </summary>
internal sealed class QuestionReader(LanguageData language)
{
    public double Read(ChatText text)
    {
        var trimmed = text.Text.TrimEnd();
        var last = trimmed.Length - 1;
        while (last >= 0 && !char.IsLetterOrDigit(trimmed[last]) && trimmed[last] is not ('?' or '!' or '.')) last--;
        if (last >= 0 && trimmed[last] == '?') return 0.95;
        if (text.Words.Count > 0 && trimmed.Contains('?')) return 0.85;
        if (last >= 0 && trimmed[last] == '!') return 0;
        var clauseStart = true;
        for (var i = 0; i < text.Words.Count; i++)
        {
            var word = text.Word(i)!;
            if (clauseStart && (language.Fillers.Contains(word) || word.StartsWith('@'))) continue;
            if (clauseStart && Opens(text, i)) return 0.75;
            clauseStart = EndsClause(text, i);
        }
        return 0;
    }

    private bool Opens(ChatText text, int i)
    {
        foreach (var start in language.QuestionStarts)
        {
            if (!start.Select((w, k) => text.Word(i + k) == w).All(b => b)) continue;
            var next = text.Word(i + start.Length);
            if (start.Length == 1 && language.QuestionAux.Contains(start[0]))
                return next is not null && language.QuestionSubjects.Contains(next);
            return next is not null && !language.QuestionNotFollowedBy.Contains(next);
        }
        return false;
    }

    private static bool EndsClause(ChatText text, int i)
    {
        var end = text.Words[i].Index + text.Words[i].Length;
        return end >= text.Text.Length || text.Text[end - 1] == '.' || text.Text[end] is ',' or '.' or ';' or '!' or '\n' or ':';
    }
}
