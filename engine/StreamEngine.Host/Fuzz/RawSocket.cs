using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// A WebSocket client that writes frames byte by byte (RFC 6455), so it can send what a proper client never would:
/// bad opcodes, reserved bits, unmasked frames, lengths that lie.
/// </summary>
internal sealed class RawSocket : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Opens the connection and upgrades it; returns the HTTP status of the answer and the socket when it was 101.</summary>
    public static async Task<(int Status, RawSocket? Socket)> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(url.Host, url.Port, cancellationToken);
            var socket = new RawSocket(tcp);
            var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await socket._stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request), cancellationToken);
            var head = await socket.ReadHeadAsync(cancellationToken);
            var status = int.TryParse(head.Split(' ', 3).ElementAtOrDefault(1), out var s) ? s : 0;
            if (status == 101) return (status, socket);
            socket.Dispose();
            return (status, null);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private async Task<string> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 16_384 && !(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await _stream.ReadAsync(one, cancellationToken) == 0) break;
            head.Add(one[0]);
        }
        return System.Text.Encoding.ASCII.GetString(head.ToArray());
    }

    public async Task SendAsync(RawFrame frame, CancellationToken cancellationToken)
    {
        var length = frame.DeclaredLength ?? frame.Payload.Length;
        var header = new List<byte> { (byte)((frame.Fin ? 0x80 : 0) | (frame.Reserved & 7) << 4 | frame.Opcode & 0x0f) };
        var mask = frame.Masked ? 0x80 : 0;
        if (length < 126) header.Add((byte)(mask | (int)length));
        else if (length <= ushort.MaxValue) header.AddRange([(byte)(mask | 126), (byte)(length >> 8), (byte)length]);
        else
        {
            header.Add((byte)(mask | 127));
            var eight = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(eight, length);
            header.AddRange(eight);
        }
        var payload = (byte[])frame.Payload.Clone();
        if (frame.Masked)
        {
            byte[] key = [0x5e, 0x17, 0xa3, 0x42];
            header.AddRange(key);
            for (var i = 0; i < payload.Length; i++) payload[i] ^= key[i % 4];
        }
        await _stream.WriteAsync(header.ToArray(), cancellationToken);
        await _stream.WriteAsync(payload, cancellationToken);
    }

    /// <summary>The next whole frame from the server (opcode, payload), or null when the connection ended.</summary>
    public async Task<(int Opcode, byte[] Payload)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var head = new byte[2];
        if (!await ReadAsync(head, cancellationToken)) return null;
        long length = head[1] & 0x7f;
        if (length >= 126)
        {
            var extended = new byte[length == 126 ? 2 : 8];
            if (!await ReadAsync(extended, cancellationToken)) return null;
            length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : BinaryPrimitives.ReadInt64BigEndian(extended);
        }
        if (length is < 0 or > 64 << 20) return null; // no answer of ours is that large
        var payload = new byte[length];
        return await ReadAsync(payload, cancellationToken) ? (head[0] & 0x0f, payload) : null;
    }

    private async Task<bool> ReadAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException) { return false; }
    }

    public void Dispose() => _tcp.Dispose();
}
