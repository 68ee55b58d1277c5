using System.Text.Json.Nodes;
using StreamEngine.Plugins.Auctioneer.Domain;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Plugins.Auctioneer;

/// <summary>
/// What the host and the assistant say, and when: the host calls the sale (openings, bids by name, the next
/// increment, the calls, the hammer) and fills silences; the assistant answers questions from the FAQ and the lot's
/// metadata and reacts to the chat's mood. Lines come from templates with several variants, never the same one twice
/// in a row, chosen by a counter so an offline render repeats. Acknowledgements wait for the host to finish a line;
/// only the newest waits.
/// </summary>
internal sealed partial class HostVoice(IShowApi show, Action<string, string> said)
{
    private const double BidGap = 2.2, SilenceAfter = 9, AnswerGap = 4, MoodEvery = 20;
    private Dictionary<string, string[]> _lines = new(Lines.Default);
    private readonly Dictionary<string, (int Count, int Last)> _used = [];
    private JsonArray _faq = [];
    private double _hostBusyUntil, _assistantBusyUntil, _lastBidAt, _lastMoodAt;
    private string? _pending; // the moment of the acknowledgement waiting for the host
    private double _mood;
    private int _moodCount;

    /// <summary>Hooks a script took over (<c>onSilence</c>, <c>onQuestion</c> …): their lines are not said.</summary>
    public IReadOnlySet<string> Hooked { get; set; } = new HashSet<string>();

    private double Now => show.Now.Seconds;

    public void Configure(Catalogue catalogue)
    {
        _lines = Lines.With(new Dictionary<string, string[]>(Lines.Default), catalogue.Lines);
        _faq = catalogue.Faq;
    }

    public void SetLines(JsonObject overrides) => _lines = Lines.With(_lines, overrides);

    public JsonObject LinesJson()
    {
        var o = new JsonObject();
        foreach (var (k, v) in _lines.OrderBy(p => p.Key)) o[k] = new JsonArray([.. v.Select(x => (JsonNode)x)]);
        return o;
    }

    /// <summary>Says the newest waiting acknowledgement once the host is free, fills silences, reacts to the mood.</summary>
    public void OnFrame(Auction auction)
    {
        var now = Now;
        if (_pending is not null && now >= _hostBusyUntil)
        {
            // said for the bid that leads now, not the one that came while the host was talking
            if (auction.Live is { Leader: { } leader, Price: not null } leading)
            {
                var vars = Vars(auction, leading);
                vars["author"] = leader;
                Host(Line(_pending, vars));
            }
            _pending = null;
        }
        if (auction.Live is { Paused: false } lot && now - Math.Max(_lastBidAt, _hostBusyUntil) >= SilenceAfter && lot.Phase == LotPhase.Open && !Hooked.Contains("onSilence"))
            Host(Line(lot.Leader is null ? "silenceNoBid" : "silence", Vars(auction, lot)));
        if (now - _lastMoodAt >= MoodEvery && _moodCount >= 5 && now >= _assistantBusyUntil)
        {
            var average = _mood / _moodCount;
            if (average >= 0.45 || average <= -0.35) Assistant(Line(average > 0 ? "happy" : "unhappy", []));
            (_mood, _moodCount, _lastMoodAt) = (0, 0, now);
        }
    }

    /// <summary>An announced event's line (unless a script took its hook).</summary>
    public void React(AuctionEvent e, Auction auction)
    {
        var lot = e.Lot is null ? null : auction.Lots.FirstOrDefault(l => l.Spec.Id == e.Lot);
        if (lot is null) return;
        var vars = Vars(auction, lot);
        vars["author"] = e.Author ?? "";
        switch (e.Type)
        {
            case "opened":
                _lastBidAt = Now;
                Post(Host(Line("lotOpened", vars), interrupt: true));
                break;
            case "bid":
                _lastBidAt = Now;
                vars["price"] = lot.Spec.Money(e.Amount!.Value);
                vars["next"] = lot.Spec.Money(e.Amount.Value + lot.Spec.Increment.After(e.Amount.Value));
                if (Now >= _hostBusyUntil - (BidGap - 1)) Host(Line(e.Proxy ? "proxyBid" : "bidAccepted", vars));
                else _pending = e.Proxy ? "proxyBid" : "bidAccepted";
                break;
            case "rejected" when e.Reason == "too-low" && Now >= _assistantBusyUntil:
                Assistant(Line("tooLow", vars));
                break;
            case "going-once" or "going-twice":
                Host(Line((e.Type == "going-once" ? "goingOnce" : "goingTwice") + (lot.Leader is null ? "NoBid" : ""), vars), interrupt: true);
                break;
            case "sold":
                vars["winner"] = e.Author ?? "";
                vars["price"] = lot.Spec.Money(e.Amount ?? 0);
                Post(Celebrate(Line("sold", vars)));
                break;
            case "passed" or "withdrawn" or "extended" or "paused" or "resumed":
                vars["reason"] = e.Reason ?? "";
                vars["seconds"] = e.Amount is { } s ? Json.Plain(s) : "";
                Host(Line(e.Type, vars), interrupt: true);
                break;
        }
    }

    public void Mood(double sentiment)
    {
        if (!double.IsFinite(sentiment)) return;
        _mood += Math.Clamp(sentiment, -1, 1);
        _moodCount++;
    }

    /// <summary>
    /// Selected lines (a lot opening, a sale, an answer) also go to the audience through the chat sources that can send
    /// (the X plugin posts them as replies); the engine keeps within the platform's budget and never posts one twice.
    /// </summary>
    private void Post(string text, string? replyTo = null)
    {
        if (text.Length == 0) return;
        try { show.Reply(text, replyTo); }
        catch (Exception e) when (e is not OutOfMemoryException) { show.Log.Warn($"a line could not be sent to the chat: {e.Message}"); }
    }

    private string Host(string text, bool interrupt = false)
    {
        if (text.Length == 0) return text;
        if (interrupt) _pending = null;
        var seconds = Math.Clamp(0.6 + text.Length / 15.0, 1.8, 8);
        Speak(text, seconds, "host");
        _hostBusyUntil = Now + seconds;
        return text;
    }

    private void Assistant(string text)
    {
        var seconds = Math.Clamp(0.6 + text.Length / 15.0, 1.8, 8);
        Speak(text, seconds, "assistant");
        _assistantBusyUntil = Now + seconds;
    }

    private string Celebrate(string text)
    {
        Host(text, interrupt: true);
        var seconds = _hostBusyUntil - Now;
        Pose("assistant", "celebrating", seconds + 2);
        show.After(seconds + 0.1, () => Pose("host", "celebrating", 2.5));
        return text;
    }

    private void Pose(string layer, string state, double seconds)
    {
        if (show.Layer(layer) is null) return;
        show.Update(layer, new JsonObject { ["props"] = new JsonObject { ["state"] = state } });
        show.After(seconds, () => show.Update(layer, new JsonObject { ["props"] = new JsonObject { ["state"] = "idle" } }));
    }

    private void Speak(string text, double seconds, string layer)
    {
        var id = show.Layer(layer) is not null ? layer : show.Layer("host") is not null ? "host" : null;
        if (id is null) return; // a show without characters: the lines are in the events and the log only
        said(id, text); // a HostLine event: what a chat source that can post (the X plugin) would send as a reply
        try { show.Say(text, seconds, id); }
        catch (Exception e) when (e is not OutOfMemoryException) { show.Log.Warn($"the host could not say a line: {e.Message}"); }
    }
}
