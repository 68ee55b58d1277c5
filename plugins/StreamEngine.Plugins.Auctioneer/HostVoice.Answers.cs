using System.Globalization;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>Answers and templates: the FAQ first, then the lot's metadata, then what the sale itself knows.</summary>
internal sealed partial class HostVoice
{
    public void Answer(ChatMessage question, Auction auction)
    {
        if (Hooked.Contains("onQuestion") || Now < _assistantBusyUntil + AnswerGap - 2) return;
        var lot = auction.Live ?? auction.Current;
        if (lot is null) return;
        var vars = Vars(auction, lot);
        vars["author"] = question.Author;
        var text = question.Text.ToLowerInvariant();
        var line = Faq(text, vars) ?? Metadata(text, lot, vars) ?? Known(text, lot, vars);
        if (line is null) return;
        Assistant(line);
        Post(line, question.Id);
    }

    private string? Faq(string text, Dictionary<string, string> vars)
    {
        foreach (var entry in _faq)
        {
            var keywords = entry?["keywords"] as System.Text.Json.Nodes.JsonArray;
            if (keywords is null || entry?["answer"]?.GetValue<string>() is not { } answer) continue;
            if (!keywords.Any(k => k?.GetValue<string>() is { Length: > 0 } word && text.Contains(word.ToLowerInvariant(), StringComparison.Ordinal))) continue;
            vars["answer"] = Fill(answer, vars);
            return Line("faq", vars);
        }
        return null;
    }

    private string? Metadata(string text, LotRun lot, Dictionary<string, string> vars)
    {
        foreach (var (key, value) in lot.Spec.Metadata)
            if (text.Contains(key.ToLowerInvariant(), StringComparison.Ordinal))
            {
                (vars["key"], vars["value"]) = (key, value);
                return Line("metadata", vars);
            }
        return null;
    }

    private string? Known(string text, LotRun lot, Dictionary<string, string> vars)
    {
        if (text.Contains("reserve")) return Line("reserve", vars);
        if (text.Contains("artist") || text.Contains("who made") || text.Contains("who painted")) return Line("artist", vars);
        if (text.Contains("how long") || text.Contains("time left") || text.Contains("how much time")) return Line("timeLeft", vars);
        if (text.Contains("next bid") || text.Contains("increment") || text.Contains("how much")) return Line("nextBid", vars);
        if (lot.Leader is not null && (text.Contains("leading") || text.Contains("winning") || text.Contains("highest"))) return Line("leader", vars);
        return text.Contains("@auctioneer") || text.Contains("@archie") ? Line("unknownQuestion", vars) : null;
    }

    private static Dictionary<string, string> Vars(Auction auction, LotRun lot) => new()
    {
        ["number"] = (auction.Lots.ToList().IndexOf(lot) + 1).ToString(CultureInfo.InvariantCulture),
        ["lots"] = auction.Lots.Count.ToString(CultureInfo.InvariantCulture),
        ["title"] = lot.Spec.Title, ["artist"] = lot.Spec.Artist, ["opening"] = lot.Spec.Money(lot.Spec.Opening),
        ["price"] = lot.Spec.Money(lot.Price ?? lot.Spec.Opening), ["next"] = lot.Spec.Money(lot.Asking),
        ["leader"] = lot.Leader ?? "no one yet", ["left"] = Math.Ceiling(lot.Left(auction.Now)).ToString(CultureInfo.InvariantCulture),
        ["currency"] = lot.Spec.Currency,
        ["reserveState"] = lot.Spec.Reserve is null ? "is none: this lot sells to the best bid" : lot.ReserveMet ? "has been met" : "has not been met yet",
    };

    /// <summary>A variant of a moment's line, never the one said last time, picked by a counter (renders repeat).</summary>
    private string Line(string moment, Dictionary<string, string> vars)
    {
        if (!_lines.TryGetValue(moment, out var variants) || variants.Length == 0) return "";
        var (count, last) = _used.GetValueOrDefault(moment, (0, -1));
        var pick = (int)((uint)(count * 2654435761u + (uint)moment.Length) % (uint)variants.Length);
        if (pick == last && variants.Length > 1) pick = (pick + 1) % variants.Length;
        _used[moment] = (count + 1, pick);
        return Fill(variants[pick], vars);
    }

    private static string Fill(string template, Dictionary<string, string> vars)
    {
        var text = template;
        foreach (var (k, v) in vars) text = text.Replace("{" + k + "}", v, StringComparison.Ordinal);
        return text;
    }
}
