using System.Net.Sockets;
using System.Text;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>
/// What a client that speaks WebSocket wrongly sees, over a raw socket (no client library to tidy it up): a frame
/// with an opcode RFC 6455 does not define is answered with a close frame carrying 1002 (protocol error), not dropped silently.
/// </summary>
public sealed class RawFrameTests
{
    [Theory]
    [InlineData(0x3)] // reserved data opcodes 3-7
    [InlineData(0x7)]
    [InlineData(0xB)] // reserved control opcodes B-F
    public async Task A_frame_with_an_unknown_opcode_gets_a_close_frame_1002(int opcode)
    {
        await using var server = await ProtocolServer.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Uri.Host, server.Uri.Port);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 15_000;
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET {server.Uri.AbsolutePath} HTTP/1.1\r\nHost: {server.Uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 101", ReadHeaders(stream));

        Assert.Equal(0x1, ReadFrame(stream).Opcode); // Hello

        // FIN + the opcode, masked (a client must mask), 2 bytes of payload.
        byte[] mask = [1, 2, 3, 4];
        await stream.WriteAsync(new byte[] { (byte)(0x80 | opcode), 0x80 | 2, mask[0], mask[1], mask[2], mask[3], (byte)('h' ^ mask[0]), (byte)('i' ^ mask[1]) });

        int? closeCode = null;
        for (var frames = 0; frames < 10 && closeCode is null; frames++)
        {
            int op; byte[] payload;
            try { (op, payload) = ReadFrame(stream); }
            catch (IOException e) { Assert.Fail($"{e.Message} after {frames} frames; server log: {string.Join(" | ", server.Logs.Lines)}"); throw; }
            if (op == 0x8) closeCode = payload.Length >= 2 ? payload[0] << 8 | payload[1] : 1005;
        }
        Assert.Equal(1002, closeCode);
    }

    private static string ReadHeaders(NetworkStream stream)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var b = stream.ReadByte();
            if (b < 0) break;
            text.Append((char)b);
        }
        return text.ToString();
    }

    /// <summary>One frame from the server (unmasked): its opcode and payload; the connection ending counts as a close without code.</summary>
    private static (int Opcode, byte[] Payload) ReadFrame(NetworkStream stream)
    {
        var head = new byte[2];
        if (stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) < 2) return (0x8, []);
        long length = head[1] & 0x7F;
        if (length == 126) { var l = new byte[2]; stream.ReadExactly(l); length = l[0] << 8 | l[1]; }
        else if (length == 127) { var l = new byte[8]; stream.ReadExactly(l); length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(l); }
        var payload = new byte[length];
        stream.ReadExactly(payload);
        return (head[0] & 0x0F, payload);
    }
}
