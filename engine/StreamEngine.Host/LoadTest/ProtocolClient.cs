using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.LoadTest;

/// <summary>A WebSocket client of the engine's protocol (docs/protocol.md): Hello, Identify with the challenge, requests, events.</summary>
internal sealed class ProtocolClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly SemaphoreSlim _sending = new(1, 1); // a WebSocket takes one send at a time

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<JsonNode>> _pending = new();
    private Task _reading = Task.CompletedTask;

    public long EventsReceived;

    private static readonly JsonObject EventMarker = new() { ["op"] = 5 };

    /// <summary>After identifying: reads every message in the background, counting events and answering <see cref="RequestAsync"/>.</summary>
    public void StartReading(CancellationToken stop) => _reading = Task.Run(async () =>
    {
        try
        {
            while (await ReceiveAsync(stop) is { } message)
                if (message["op"]?.GetValue<int>() == 7 && message["d"]?["requestId"]?.GetValue<string>() is { } id && _pending.TryRemove(id, out var waiter))
                    waiter.TrySetResult(message["d"]!);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var waiter in _pending.Values) waiter.TrySetCanceled();
    });

    /// <summary>Sends a request; the task completes with the response's <c>d</c> (requires <see cref="StartReading"/>).</summary>
    public async Task<JsonNode> RequestAsync(string type, string id, JsonObject data, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        await SendRequestAsync(type, id, data, cancellationToken);
        return await waiter.Task;
    }

    public static async Task<ProtocolClient> ConnectAsync(Uri url, string? password, int subscriptions, CancellationToken cancellationToken)
    {
        var client = new ProtocolClient();
        await client._socket.ConnectAsync(url, cancellationToken);
        var hello = await client.ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException("the server closed before Hello");
        var identify = new JsonObject { ["rpcVersion"] = 1, ["eventSubscriptions"] = subscriptions };
        if (hello["d"]?["authentication"] is JsonObject auth)
        {
            if (password is null) throw new InvalidOperationException("the server wants a password: give --password");
            identify["authentication"] = Authentication(password, auth["salt"]!.GetValue<string>(), auth["challenge"]!.GetValue<string>());
        }
        await client.SendAsync(1, identify, cancellationToken);
        var identified = await client.ReceiveAsync(cancellationToken);
        if (identified?["op"]?.GetValue<int>() != 2)
            throw new InvalidOperationException($"identify failed: {client._socket.CloseStatus} {client._socket.CloseStatusDescription}");
        return client;
    }

    /// <summary>base64(sha256(base64(sha256(password + salt)) + challenge)), as obs-websocket v5.</summary>
    public static string Authentication(string password, string salt, string challenge)
    {
        var secret = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password + salt)));
        return Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret + challenge)));
    }

    public Task SendRequestAsync(string type, string id, JsonObject data, CancellationToken cancellationToken) =>
        SendAsync(6, new JsonObject { ["requestType"] = type, ["requestId"] = id, ["requestData"] = data }, cancellationToken);

    public async Task SendAsync(int op, JsonObject d, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["op"] = op, ["d"] = d }.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
    }

    /// <summary>The next message, or null when the server closed the connection.</summary>
    public async Task<JsonNode?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(_buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            // Events are only counted: with hundreds of clients in one process, parsing each would be the bottleneck.
            if (message.Length > 7 && message.GetBuffer().AsSpan(0, 7).SequenceEqual("{\"op\":5"u8))
            {
                Interlocked.Increment(ref EventsReceived);
                return EventMarker;
            }
            var node = JsonNode.Parse(message.ToArray());
            if (node?["op"]?.GetValue<int>() == 5) Interlocked.Increment(ref EventsReceived);
            return node;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reading.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException) { }
        _socket.Dispose();
        _sending.Dispose();
    }
}
