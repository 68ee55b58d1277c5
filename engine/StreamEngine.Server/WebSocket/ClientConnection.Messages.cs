using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

internal sealed partial class ClientConnection
{
    private volatile bool _identified;
    private bool _throttled;

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        var message = Parse(utf8);
        var op = message["op"] switch
        {
            null => throw ProtocolViolation.Missing("op"),
            JsonValue value when value.TryGetValue<int>(out var number) => number,
            _ => throw ProtocolViolation.WrongType("op", "an integer"),
        };
        var d = message["d"] switch
        {
            null => throw ProtocolViolation.Missing("d"),
            JsonObject data => data,
            _ => throw ProtocolViolation.WrongType("d", "an object"),
        };
        if (!_identified && op != (int)WebSocketOpCode.Identify)
            throw new ProtocolViolation(WebSocketCloseCode.NotIdentified, "Send Identify (op 1) before anything else.");
        switch ((WebSocketOpCode)op)
        {
            case WebSocketOpCode.Identify: await IdentifyAsync(d); break;
            case WebSocketOpCode.Reidentify: await ReidentifyAsync(d); break;
            case WebSocketOpCode.Request: await RequestAsync(d); break;
            case WebSocketOpCode.RequestBatch: await RequestBatchAsync(d); break;
            default: throw new ProtocolViolation(WebSocketCloseCode.UnknownOpCode, $"op {op} is not one a client may send (1, 3, 6, 8).");
        }
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return RequestJson.Parse(utf8.Span) as JsonObject
                ?? throw new ProtocolViolation(WebSocketCloseCode.MessageDecodeError, "A message must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new ProtocolViolation(WebSocketCloseCode.MessageDecodeError, "The message is not valid JSON.");
        }
    }

    private byte[] Hello()
    {
        var d = new JsonObject
        {
            ["engineVersion"] = ProtocolVersion.Engine, ["obsWebSocketVersion"] = ProtocolVersion.ObsWebSocket, ["rpcVersion"] = ProtocolVersion.Rpc,
        };
        if (_authentication is not null)
            d["authentication"] = new JsonObject { ["challenge"] = _authentication.Challenge, ["salt"] = _authentication.Salt };
        return Message(WebSocketOpCode.Hello, d);
    }

    private async Task IdentifyAsync(JsonObject d)
    {
        if (_identified)
            throw new ProtocolViolation(WebSocketCloseCode.AlreadyIdentified, "Already identified; use Reidentify (op 3) to change subscriptions.");
        if (_authentication is not null)
        {
            var authentication = d["authentication"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (!_authentication.Accepts(authentication))
                throw new ProtocolViolation(WebSocketCloseCode.AuthenticationFailed, "Authentication failed.");
        }
        var rpcVersion = d["rpcVersion"] switch
        {
            null => throw ProtocolViolation.Missing("rpcVersion"),
            JsonValue value when value.TryGetValue<int>(out var number) => number,
            _ => throw ProtocolViolation.WrongType("rpcVersion", "an integer"),
        };
        if (rpcVersion != ProtocolVersion.Rpc)
            throw new ProtocolViolation(WebSocketCloseCode.UnsupportedRpcVersion, $"rpcVersion {rpcVersion} is not supported; this server speaks {ProtocolVersion.Rpc}.");
        Subscriptions = ReadSubscriptions(d);
        _identified = true;
        _logger.LogDebug("WebSocket session {Session} identified; events {Subscriptions}, may change the show: {MayMutate}", Id, Subscriptions, MayMutate);
        await SendAsync(Message(WebSocketOpCode.Identified, new JsonObject { ["negotiatedRpcVersion"] = ProtocolVersion.Rpc }));
    }

    private async Task ReidentifyAsync(JsonObject d)
    {
        _ = TakeRate(1); // it has no status to refuse with: it is answered, and over the rate the next read waits
        Subscriptions = ReadSubscriptions(d);
        await SendAsync(Message(WebSocketOpCode.Identified, new JsonObject { ["negotiatedRpcVersion"] = ProtocolVersion.Rpc }));
    }

    private EventSubscription ReadSubscriptions(JsonObject d) => d["eventSubscriptions"] switch
    {
        null => AllEvents,
        // Unknown bits are ignored, so a client written for a later server still connects.
        JsonValue value when value.TryGetValue<long>(out var bits) && bits >= 0 => (EventSubscription)(bits & (long)(SpeaksObs ? ObsDialect.All : EventSubscription.All | EventSubscription.Preview)),
        _ => throw ProtocolViolation.WrongType("eventSubscriptions", "a non-negative integer"),
    };

    /// <summary>The subscription bits this client's protocol has: the show's own, or obs-websocket's.</summary>
    private EventSubscription AllEvents => SpeaksObs ? ObsDialect.All : EventSubscription.All;

    private async Task RequestAsync(JsonObject d)
    {
        if (d["requestId"] is null) throw ProtocolViolation.Missing("requestId");
        var context = new RequestContext(MayMutate, RequestBatchExecutionType.None, _lifetime.Token);
        var answer = TakeRate(1) ? await _requests.AnswerAsync(d, context) : ShowRequests.Answer(d, TooManyRequests(1));
        await SendAsync(Message(WebSocketOpCode.RequestResponse, answer));
    }

    private async Task RequestBatchAsync(JsonObject d)
    {
        var batch = RequestBatch.Read(d);
        batch.CheckLimits(_options);
        var results = TakeRate(batch.Requests.Count)
            ? await batch.RunAsync(_requests, MayMutate, _lifetime.Token)
            : new JsonArray([.. batch.Requests.Select(r => (JsonNode)ShowRequests.Answer(r as JsonObject ?? [], TooManyRequests(batch.Requests.Count)))]);
        var answer = new JsonObject { ["requestId"] = batch.RequestId.DeepClone(), ["results"] = results };
        await SendAsync(Message(WebSocketOpCode.RequestBatchResponse, answer));
    }

    /// <summary>Takes tokens for this many requests; without enough, the next read waits until one is back.</summary>
    private bool TakeRate(int requests)
    {
        var taken = _rate.TryTake(requests);
        _throttled = !taken;
        return taken;
    }

    private RequestResult TooManyRequests(int requests) => RequestResult.Failure(RequestStatus.TooManyRequests,
        $"Too many requests: at most {_rate.PerSecond:0.#} a second after a burst of {_rate.Burst}; not run. Retry in {Math.Ceiling(_rate.Until(requests).TotalMilliseconds):0} ms.");

    private static byte[] Message(WebSocketOpCode op, JsonObject d) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["op"] = (int)op, ["d"] = d });
}
