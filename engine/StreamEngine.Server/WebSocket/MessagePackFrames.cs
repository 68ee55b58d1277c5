using System.Text;
using MessagePack;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// obs-websocket's MessagePack encoding: the same messages as JSON, as MessagePack maps in binary frames. The session
/// works in JSON; a message is converted on the way in and out.
/// </summary>
internal static class MessagePackFrames
{
    // Untrusted input: nesting is bounded, as it is for JSON.
    private static readonly MessagePackSerializerOptions Untrusted = MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>The message as UTF-8 JSON; a frame that is not MessagePack closes the session with 4002, as bad JSON does.</summary>
    public static ReadOnlyMemory<byte> ToJson(ReadOnlyMemory<byte> frame)
    {
        try
        {
            return Encoding.UTF8.GetBytes(MessagePackSerializer.ConvertToJson(frame, Untrusted));
        }
        catch (Exception e) when (e is MessagePackSerializationException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ProtocolViolation(WebSocketCloseCode.MessageDecodeError, "The binary message is not MessagePack.");
        }
    }

    public static byte[] FromJson(ReadOnlyMemory<byte> utf8Json) => MessagePackSerializer.ConvertFromJson(Encoding.UTF8.GetString(utf8Json.Span));
}
