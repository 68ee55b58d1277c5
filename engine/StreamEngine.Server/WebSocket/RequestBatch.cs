using System.Text.Json.Nodes;

namespace StreamEngine.Server.WebSocket;

/// <summary>A RequestBatch (op 8): its fields checked as the protocol requires, then its requests run serially or in parallel.</summary>
internal sealed record RequestBatch(JsonNode RequestId, JsonArray Requests, bool HaltOnFailure, RequestBatchExecutionType ExecutionType)
{
    public static RequestBatch Read(JsonObject d)
    {
        var requestId = d["requestId"] ?? throw ProtocolViolation.Missing("requestId");
        var requests = d["requests"] switch
        {
            null => throw ProtocolViolation.Missing("requests"),
            JsonArray array => array,
            _ => throw ProtocolViolation.WrongType("requests", "an array"),
        };
        var halt = d["haltOnFailure"] switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            _ => throw ProtocolViolation.WrongType("haltOnFailure", "a boolean"),
        };
        return new(requestId, requests, halt, ReadExecutionType(d["executionType"]));
    }

    /// <summary>Refuses, before any of it runs, a batch with more requests or more Sleep than a client may ask for at once.</summary>
    public void CheckLimits(ShowWebSocketOptions options)
    {
        if (Requests.Count > options.MaxBatchRequests)
            throw new ProtocolViolation(WebSocketCloseCode.InvalidDataFieldValue,
                $"requests: a batch may hold at most {options.MaxBatchRequests} requests; this one has {Requests.Count}.");
        var sleep = Requests.OfType<JsonObject>()
            .Where(r => r["requestType"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "Sleep")
            .Sum(r => r["requestData"]?["sleepMillis"] is JsonValue v && v.TryGetValue<long>(out var ms) && ms > 0 ? ms : 0L);
        if (sleep > options.MaxBatchSleepMillis)
            throw new ProtocolViolation(WebSocketCloseCode.InvalidDataFieldValue,
                $"requests: the Sleep requests of a batch may pause {options.MaxBatchSleepMillis} ms in all; these ask for {sleep} ms.");
    }

    private static RequestBatchExecutionType ReadExecutionType(JsonNode? node)
    {
        if (node is null) return RequestBatchExecutionType.SerialRealtime;
        if (node is not JsonValue value || !value.TryGetValue<int>(out var number))
            throw ProtocolViolation.WrongType("executionType", "an integer");
        return number switch
        {
            0 => RequestBatchExecutionType.SerialRealtime,
            2 => RequestBatchExecutionType.Parallel,
            1 => throw new ProtocolViolation(WebSocketCloseCode.UnsupportedFeature,
                "executionType 1 (SerialFrame) is not supported; use 0 (SerialRealtime) or 2 (Parallel)."),
            _ => throw new ProtocolViolation(WebSocketCloseCode.InvalidDataFieldValue,
                $"executionType {number} is unknown; use 0 (SerialRealtime) or 2 (Parallel)."),
        };
    }

    /// <summary>Results in request order; a serial batch with haltOnFailure stops after the first failure.</summary>
    public async Task<JsonArray> RunAsync(ShowRequests requests, bool mayMutate, CancellationToken cancellation)
    {
        var context = new RequestContext(mayMutate, ExecutionType, cancellation);
        var entries = Requests.Select(r => r as JsonObject ?? []).ToList();
        if (ExecutionType == RequestBatchExecutionType.Parallel)
        {
            // haltOnFailure has no meaning when everything starts at once, as in obs-websocket.
            var all = await Task.WhenAll(entries.Select(e => requests.AnswerAsync(e, context)));
            return new JsonArray(all.Select(a => (JsonNode?)a).ToArray());
        }
        var results = new JsonArray();
        foreach (var entry in entries)
        {
            var answer = await requests.AnswerAsync(entry, context);
            results.Add(answer);
            if (HaltOnFailure && answer["requestStatus"]?["result"]?.GetValue<bool>() != true) break;
        }
        return results;
    }
}
