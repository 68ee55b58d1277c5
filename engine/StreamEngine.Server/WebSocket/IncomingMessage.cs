using System.Net.WebSockets;

namespace StreamEngine.Server.WebSocket;

internal enum IncomingKind { Text, Binary, TooBig, Close }

/// <param name="Utf8">The message: UTF-8 JSON in a text frame, or the bytes of a binary frame.</param>
internal readonly record struct IncomingMessage(IncomingKind Kind, ReadOnlyMemory<byte> Utf8);

/// <summary>
/// Reads one whole message at a time into a buffer that grows up to the size limit; a larger message is reported
/// as soon as it passes the limit, without reading the rest of it.
/// </summary>
internal sealed class MessageReader(System.Net.WebSockets.WebSocket socket, int maxMessageBytes)
{
    private const int InitialBuffer = 4096;
    private byte[] _buffer = new byte[InitialBuffer];

    public async Task<IncomingMessage> ReadAsync(CancellationToken cancellation)
    {
        // One large message should not pin a large buffer for the rest of the session.
        if (_buffer.Length > 16 * InitialBuffer) _buffer = new byte[InitialBuffer];
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxMessageBytes + 1));
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close) return new(IncomingKind.Close, default);
            length += result.Count;
            if (length > maxMessageBytes) return new(IncomingKind.TooBig, default);
            if (!result.EndOfMessage) continue;
            return new(result.MessageType == WebSocketMessageType.Binary ? IncomingKind.Binary : IncomingKind.Text, _buffer.AsMemory(0, length));
        }
    }

    /// <summary>After the server sent its close frame: throws away whatever still comes until the client's close frame.</summary>
    public async Task DiscardUntilCloseAsync(CancellationToken cancellation)
    {
        var scratch = new byte[InitialBuffer];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(scratch.AsMemory(), cancellation);
            if (result.MessageType == WebSocketMessageType.Close) return;
        }
    }
}
