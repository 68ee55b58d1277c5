using System.Buffers;
using System.Text.Json;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// One show event on its way to the subscribed clients. It is serialized once, by the first client's sender that
/// needs it, never on the engine thread that raised it.
/// </summary>
internal sealed class EventEnvelope
{
    private readonly Lazy<byte[]> _utf8;

    public EventEnvelope(ShowEvent showEvent, EventSubscription intent)
    {
        Type = showEvent.Type;
        _utf8 = new(() => Serialize(showEvent, intent), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Type { get; }

    /// <summary>The Event message (op 5); throws if the event data cannot be written.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8.Value;

    private static byte[] Serialize(ShowEvent showEvent, EventSubscription intent)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)WebSocketOpCode.Event);
            writer.WriteStartObject("d");
            writer.WriteString("eventType", showEvent.Type);
            writer.WriteNumber("eventIntent", (int)intent);
            writer.WritePropertyName("eventData");
            showEvent.Data.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
