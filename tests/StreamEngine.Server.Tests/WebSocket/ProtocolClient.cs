using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>A client written from docs/protocol.md, on System.Net.WebSockets.ClientWebSocket. Every wait fails after 15 s.</summary>
internal sealed class ProtocolClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;
    private readonly Queue<JsonObject> _pendingEvents = new();
    private int _nextRequestId;

    private ProtocolClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static async Task<ProtocolClient> ConnectAsync(Uri uri, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, timeout.Token);
        return new ProtocolClient(socket);
    }

    /// <summary>The obs-websocket v5 authentication string, computed here independently of the server's code.</summary>
    public static string AuthenticationString(string password, string salt, string challenge)
    {
        static string Base64Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return Base64Sha256(Base64Sha256(password + salt) + challenge);
    }

    public async Task<JsonObject> IdentifyAsync(string? password = null, int? eventSubscriptions = null)
    {
        var hello = await ReceiveAsync();
        Assert.Equal(0, (int)hello["op"]!);
        var d = new JsonObject { ["rpcVersion"] = 1 };
        if (hello["d"]!["authentication"] is JsonObject challenge)
            d["authentication"] = AuthenticationString(password ?? "", (string)challenge["salt"]!, (string)challenge["challenge"]!);
        if (eventSubscriptions is not null) d["eventSubscriptions"] = eventSubscriptions;
        await SendAsync(new JsonObject { ["op"] = 1, ["d"] = d });
        var identified = await ReceiveAsync();
        Assert.Equal(2, (int)identified["op"]!);
        return identified;
    }

    /// <summary>Sends a Request (op 6) and returns the d of its RequestResponse; events that come first are kept for later.</summary>
    public async Task<JsonObject> RequestAsync(string requestType, JsonObject? requestData = null)
    {
        var requestId = $"r{++_nextRequestId}";
        var d = new JsonObject { ["requestType"] = requestType, ["requestId"] = requestId };
        if (requestData is not null) d["requestData"] = requestData;
        await SendAsync(new JsonObject { ["op"] = 6, ["d"] = d });
        var response = await NextAsync(7);
        Assert.Equal(requestId, (string)response["requestId"]!);
        return response;
    }

    public async Task<JsonObject> NextEventAsync()
    {
        if (_pendingEvents.TryDequeue(out var pending)) return pending;
        return await NextAsync(5);
    }

    /// <summary>The d of the next message with this op; events met on the way are kept for <see cref="NextEventAsync"/>.</summary>
    public async Task<JsonObject> NextAsync(int op)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            var messageOp = (int)message["op"]!;
            if (messageOp == op) return message["d"]!.AsObject();
            if (messageOp == 5) _pendingEvents.Enqueue(message["d"]!.AsObject());
            else Assert.Fail($"expected op {op}, got {message.ToJsonString()}");
        }
    }

    public Task SendAsync(JsonObject message) => SendTextAsync(message.ToJsonString());

    public async Task SendTextAsync(string text) => await SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    public async Task<JsonObject> ReceiveAsync()
    {
        var (text, closeStatus) = await ReceiveTextAsync();
        if (text is null) throw new InvalidOperationException($"the server closed the connection: {closeStatus} {_socket.CloseStatusDescription}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Reads until the server closes; returns its close code, or null if the connection was dropped without one.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        try
        {
            while (true)
            {
                var (text, closeStatus) = await ReceiveTextAsync();
                if (text is null)
                {
                    // Answer the close frame, as browsers do, so the server need not wait for its timeout.
                    using var timeout = new CancellationTokenSource(Patience);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                    return closeStatus;
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    public string? CloseReason => _socket.CloseStatusDescription;

    private async Task<(string? Text, int? CloseStatus)> ReceiveTextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk.AsMemory(), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (null, (int?)_socket.CloseStatus);
            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage) return (Encoding.UTF8.GetString(buffer.ToArray()), null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may already have gone; nothing to tell it.
            }
        }
        _socket.Dispose();
    }
}
