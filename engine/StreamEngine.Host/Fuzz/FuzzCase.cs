namespace StreamEngine.Host.Fuzz;

/// <summary>One thing the fuzzer sends: a REST request or a WebSocket exchange, from one of the engine's front doors.</summary>
/// <param name="Door">rest, websocket, chat, scene or script: the generator that made it.</param>
internal abstract record FuzzCase(string Door)
{
    /// <summary>A one-line description for listings and findings (bodies cut short).</summary>
    public string Summary => Describe(160);

    /// <summary>The case with bodies and frames cut at <paramref name="max"/> characters (int.MaxValue: whole, to replay it).</summary>
    public abstract string Describe(int max);

    protected static string Short(string text, int max = 160) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length} chars)";
}

/// <param name="ContentType">null sends no Content-Type.</param>
/// <param name="Authorized">false sends a wrong bearer token.</param>
/// <param name="Origin">an Origin header to send, or null.</param>
internal sealed record HttpCase(string Door, string Method, string Path, string? Body, string? ContentType = "application/json",
    bool Authorized = true, string? Origin = null) : FuzzCase(Door)
{
    public override string Describe(int max) =>
        $"{Method} {Short(Path, Math.Min(max, 120))}{(ContentType is "application/json" or null ? "" : $" [{ContentType}]")}{(Authorized ? "" : " [bad token]")}" +
        $"{(Origin is null ? "" : $" [Origin {Origin}]")}{(Body is null ? "" : " " + Short(Body, max))}";
}

/// <summary>A WebSocket frame as bytes on the wire: any opcode, reserved bits, masked or not, a length that may lie.</summary>
internal sealed record RawFrame(int Opcode, byte[] Payload, bool Fin = true, bool Masked = true, int Reserved = 0, long? DeclaredLength = null)
{
    public static RawFrame Text(string text) => new(1, System.Text.Encoding.UTF8.GetBytes(text));

    public override string ToString() => Describe(120);

    public string Describe(int max)
    {
        var body = Opcode is 1 ? System.Text.Encoding.UTF8.GetString(Payload) : $"{Payload.Length} bytes";
        var flags = (Fin ? "" : " no-fin") + (Masked ? "" : " unmasked") + (Reserved == 0 ? "" : $" rsv{Reserved}") + (DeclaredLength is { } d ? $" says {d} bytes" : "");
        return $"op{Opcode}{flags} {(body.Length > max ? $"{body[..max]}… ({body.Length} chars)" : body)}";
    }
}

/// <summary>A WebSocket exchange: connect, identify (unless told not to), send the frames, then read what comes back.</summary>
/// <param name="Identify">false sends the frames before Identify.</param>
/// <param name="ExpectSilence">the frames leave the connection waiting for more bytes (a length that lies): no answer is fine.</param>
internal sealed record SocketCase(string Door, IReadOnlyList<RawFrame> Frames, bool Identify = true, bool ExpectSilence = false) : FuzzCase(Door)
{
    public override string Describe(int max) => $"WS{(Identify ? "" : " (not identified)")} " +
        string.Join(" + ", Frames.Take(3).Select(f => f.Describe(Math.Max(0, max - 40)))) + (Frames.Count > 3 ? $" + {Frames.Count - 3} more" : "");
}
