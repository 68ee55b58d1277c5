using System.Text.RegularExpressions;

namespace StreamEngine.Plugins.Chat.Analysis;

/// <summary>Links in chat text: a scheme, "www.", or a host with a common top-level domain ("shop.example.com/x").</summary>
internal static partial class Links
{
    [GeneratedRegex(@"\b(?:https?://|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|io|gg|tv|co|me|ly|xyz|shop|store|link|app|ru|cn|info|biz)\b(?:/\S*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    public static bool Contains(string text)
    {
        try { return Pattern().IsMatch(text); }
        catch (RegexMatchTimeoutException) { return true; }
    }

    public static IEnumerable<string> All(string text)
    {
        MatchCollection matches;
        try { matches = Pattern().Matches(text); _ = matches.Count; }
        catch (RegexMatchTimeoutException) { yield break; }
        foreach (Match m in matches) yield return m.Value;
    }
}
