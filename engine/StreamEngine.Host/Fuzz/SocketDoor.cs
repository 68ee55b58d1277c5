using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Host.LoadTest;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Plays <see cref="SocketCase"/>s over a <see cref="RawSocket"/>: identifies, sends the case's frames and then a plain
/// GetVersion, and reads until that is answered or the server closes. Status 702 (failed unexpectedly), close 1011,
/// an upgrade answered 5xx, or silence from an open connection are crashes; other statuses and close codes are problems.
/// </summary>
internal sealed class SocketDoor(FuzzTarget target)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly byte[] After = System.Text.Encoding.UTF8.GetBytes("{\"op\":6,\"d\":{\"requestType\":\"GetVersion\",\"requestId\":\"fuzz-after\"}}");

    public async Task<Outcome> SendAsync(SocketCase c, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        var what = c.Frames.Count == 0 ? "" : Describe(c.Frames[0]);
        RawSocket? socket = null;
        try
        {
            (var status, socket) = await RawSocket.ConnectAsync(target.WebSocket, timeout.Token);
            if (socket is null) return status >= 500 || status == 0 ? new Outcome(Verdict.Crash, $"upgrade answered {status}") : Outcome.Problem;
            if (c.Identify && await IdentifyAsync(socket, timeout.Token) is { } refused) return refused;
            foreach (var frame in c.Frames) await socket.SendAsync(frame, timeout.Token);
            if (c.Frames.LastOrDefault()?.Opcode != 8) await socket.SendAsync(new RawFrame(1, After), timeout.Token);
            var rejected = false;
            while (await socket.ReceiveAsync(timeout.Token) is var (opcode, payload))
            {
                if (opcode == 8)
                {
                    var code = payload.Length >= 2 ? payload[0] << 8 | payload[1] : 1005;
                    return code == 1011 ? new Outcome(Verdict.Crash, $"{what}: closed 1011 (internal error)") : Outcome.Problem;
                }
                if (opcode != 1 || Parse(payload) is not { } message) continue;
                var statuses = Statuses(message).ToList();
                if (statuses.Any(s => s.Code == 702)) return new Outcome(Verdict.Crash, $"{what}: status 702 {statuses.First(s => s.Code == 702).Comment}");
                rejected |= statuses.Any(s => s.Code != 100);
                if (message["d"]?["requestId"]?.GetValueKind() == JsonValueKind.String && message["d"]!["requestId"]!.GetValue<string>() == "fuzz-after")
                    return rejected ? Outcome.Problem : Outcome.Accepted;
            }
            // A frame broken below JSON may be dropped (the WebSocket layer does); a well-formed message must get a close code.
            return new Outcome(c.Frames.All(WellFormed) ? Verdict.Crash : Verdict.Refused, $"{what}: connection dropped without a close frame");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A lying length leaves the server waiting, rightly; a frame broken otherwise or over the size limit may get no answer.
            if (c.ExpectSilence) return Outcome.Problem;
            return new Outcome(c.Frames.All(WellFormed) ? Verdict.Crash : Verdict.Refused, $"{what}: no answer within {Patience.TotalSeconds} s");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // The server may drop a connection after a frame broken below JSON; after a well-formed one it must not.
            return new Outcome(c.Frames.All(WellFormed) ? Verdict.Crash : Verdict.Refused, $"{what}: connection failed ({e.GetType().Name})");
        }
        finally
        {
            socket?.Dispose();
        }
    }

    /// <summary>Hello, then Identify (with the challenge answered when a password is set); a refusal is returned as the outcome.</summary>
    private async Task<Outcome?> IdentifyAsync(RawSocket socket, CancellationToken cancellationToken)
    {
        if (await socket.ReceiveAsync(cancellationToken) is not var (_, hello) || Parse(hello) is not { } helloMessage)
            return new Outcome(Verdict.Refused, "no Hello after the upgrade");
        var identify = new JsonObject { ["rpcVersion"] = 1, ["eventSubscriptions"] = 0 };
        if (helloMessage["d"]?["authentication"] is JsonObject auth && target.Password is { } password)
            identify["authentication"] = ProtocolClient.Authentication(password, auth["salt"]!.GetValue<string>(), auth["challenge"]!.GetValue<string>());
        await socket.SendAsync(RawFrame.Text(new JsonObject { ["op"] = 1, ["d"] = identify }.ToJsonString()), cancellationToken);
        return await socket.ReceiveAsync(cancellationToken) is var (op, payload) && op == 1 && Parse(payload)?["op"]?.GetValue<int>() == 2
            ? null
            : new Outcome(Verdict.Refused, "Identify with the right password was not answered with Identified");
    }

    private static bool WellFormed(RawFrame f)
    {
        if (f is not { Opcode: 1, Fin: true, Masked: true, Reserved: 0, DeclaredLength: null }) return false;
        try { _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(f.Payload); }
        catch (ArgumentException) { return false; }
        return f.Payload.Length <= 1 << 20;
    }

    private static JsonNode? Parse(byte[] payload)
    {
        try { return JsonNode.Parse(payload); }
        catch (JsonException) { return null; }
    }

    private static IEnumerable<(int Code, string? Comment)> Statuses(JsonNode message)
    {
        var d = message["d"];
        var responses = message["op"]?.GetValue<int>() == 9 ? (d?["results"] as JsonArray ?? []).Select(r => r) : [d];
        foreach (var r in responses)
            if (r?["requestStatus"] is JsonObject s && s["code"]?.GetValue<int>() is { } code)
                yield return (code, s["comment"]?.ToString());
    }

    private static string Describe(RawFrame frame)
    {
        if (frame.Opcode != 1) return $"frame op{frame.Opcode}";
        var text = System.Text.Encoding.UTF8.GetString(frame.Payload);
        var type = System.Text.RegularExpressions.Regex.Match(text[..Math.Min(text.Length, 400)], "\"requestType\":\"([^\"]{0,40})\"");
        var op = System.Text.RegularExpressions.Regex.Match(text[..Math.Min(text.Length, 40)], "\"op\":(-?[0-9]+)");
        return type.Success ? $"WS {type.Groups[1].Value}" : op.Success ? $"WS op {op.Groups[1].Value}" : "WS message";
    }
}
