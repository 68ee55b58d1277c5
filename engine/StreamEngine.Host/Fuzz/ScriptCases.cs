namespace StreamEngine.Host.Fuzz;

/// <summary>
/// What reaches the show's scripts: show events (the auction script listens for bids and emits <c>sold</c>), script
/// reloads, animations that scripts also start, and the bids that drive the auction — over REST and the WebSocket.
/// </summary>
internal sealed class ScriptCases(Garbage g, ShowFacts show, ChatCases chat)
{
    private static readonly string[] Events = ["bid", "sold", "chat", "next", "start", "lot", "frame", "error", "__proto__"];

    public FuzzCase Next() => g.Random.Next(10) switch
    {
        < 3 => new HttpCase("script", "POST", $"/api/events/{Uri.EscapeDataString(EventName())}", null),
        3 => SocketCases.Request("script", "RaiseShowEvent", Garbage.Object(("eventName", g.Chance(0.8) ? Garbage.Quote(EventName()) : g.Value(0)))),
        4 => new HttpCase("script", "POST", $"/api/scripts/{Uri.EscapeDataString(g.Chance(0.4) ? "auction.js" : g.RawText() is { Length: > 0 } t ? t : "x")}/reload", null),
        < 8 => new HttpCase("script", "POST", "/api/animations", Animation()),
        _ => new HttpCase("script", "POST", "/api/chat", Garbage.Object(("author", "\"bidder\""), ("text", Garbage.Quote(chat.Bid())))),
    };

    private string EventName() => g.Chance(0.7) ? g.Pick(Events) : g.RawText() is { Length: > 0 } t ? t : "e";

    /// <summary>Tweens and effects as scripts start them, with targets, properties and numbers that may be anything.</summary>
    public string Animation()
    {
        var target = Garbage.Quote(g.Id(show.LayerIds));
        return g.Random.Next(4) switch
        {
            0 => Garbage.Object(("kind", "\"tween\""), ("target", target),
                ("property", Garbage.Quote(g.Pick(new[] { "transform.x", "transform.opacity", "transform.width", "transform.scaleX", "props.text", "zIndex", "nope" }))),
                ("from", g.Number()), ("to", g.Number()), ("duration", g.Number(5)), ("easing", g.Chance(0.7) ? "\"linear\"" : g.Text()),
                ("repeat", g.Chance(0.8) ? "0" : g.Number())),
            1 => Garbage.Object(("kind", "\"effect\""), ("effect", Garbage.Quote(g.Pick(new[] { "fadeIn", "fadeOut", "slideIn", "pulse", "shake", "nope" }))),
                ("target", target), ("duration", g.Number(3)), ("distance", g.Number())),
            2 => Garbage.Object(("kind", Garbage.Quote(g.Pick(new[] { "parallel", "sequence", "timeline" }))),
                ("children", Garbage.Array(g.Random.Next(0, 4), Animation))),
            _ => g.Value(),
        };
    }

    /// <summary>Controls of running animations (the scene's own and made-up ids).</summary>
    public FuzzCase Control() => new HttpCase("script", "POST",
        $"/api/animations/{Uri.EscapeDataString(g.Id(show.Animations))}/{Uri.EscapeDataString(g.Chance(0.8) ? g.Pick(new[] { "pause", "resume", "stop", "seek", "reverse", "speed" }) : g.RawText() is { Length: > 0 } t ? t : "a")}",
        g.Chance(0.3) ? null : Garbage.Object(("seconds", g.Number()), ("label", g.Text()), ("speed", g.Number(10))));
}
