namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Chat as viewers (or a bridge) send it, through <c>POST /api/chat</c> and the WebSocket's <c>InjectChatMessage</c>: bids of
/// every shape and size for the demo's auction script, unicode, and fields of the wrong type or length.
/// </summary>
internal sealed class ChatCases(Garbage g)
{
    private static readonly string[] BidShapes =
    [
        "bid {0}", "{0} ETH", "{0}", "bid {0}k", "BID {0} eth", "I bid {0}!!", "bid ${0}", "bid {0}M", "{0} {0} {0}", "bid -{0}", "bid {0}e5",
    ];

    private static readonly string[] Amounts =
    [
        "2.5", "3", "1,000", "1.000,5", "99999999999999999999999999", "1e308", "1e400", "0", "-5", "NaN", "Infinity", "0x1F", "\u0663\u066b\u0665",
        "\u0e53", "\u00bd", "1_000", ".5", "5.", "1.7976931348623157e308", "00000000000000000000000001", "\U0001D7D1", "\u221e",
    ];

    public FuzzCase Next()
    {
        var body = Message();
        return g.Chance(0.75)
            ? new HttpCase("chat", "POST", "/api/chat", body)
            : SocketCases.Request("chat", "InjectChatMessage", body);
    }

    public string Message()
    {
        var fields = new List<(string, string)>();
        if (g.Chance(0.95)) fields.Add(("author", g.Chance(0.8) ? Garbage.Quote($"viewer{g.Random.Next(100)}") : g.Value(0)));
        if (g.Chance(0.95)) fields.Add(("text", g.Chance(0.8) ? Garbage.Quote(Bid()) : g.Value(0)));
        if (g.Chance(0.2)) fields.Add(("badges", g.Chance(0.5) ? "[\"moderator\",\"verified\"]" : g.Value(1)));
        if (g.Chance(0.2)) fields.Add(("color", g.Chance(0.5) ? "\"#ff8800\"" : g.Text()));
        if (g.Chance(0.2)) fields.Add(("highlight", g.Chance(0.5) ? "\"bid\"" : g.Text()));
        return Garbage.Object(fields);
    }

    /// <summary>Chat text: mostly bids, increasing ones included so the auction script takes them, else anything.</summary>
    public string Bid() => g.Random.Next(4) switch
    {
        0 => $"bid {2.5 + g.Random.Next(1, 100000) / 100.0:0.00} ETH",
        1 or 2 => string.Format(g.Pick(BidShapes), g.Pick(Amounts)),
        _ => g.RawText(),
    };
}
