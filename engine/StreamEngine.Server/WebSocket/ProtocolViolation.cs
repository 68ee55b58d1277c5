namespace StreamEngine.Server.WebSocket;

/// <summary>A message that breaks the protocol: the session closes with this code and reason.</summary>
internal sealed class ProtocolViolation(WebSocketCloseCode code, string reason) : Exception(reason)
{
    public WebSocketCloseCode Code { get; } = code;

    public static ProtocolViolation Missing(string field) =>
        new(WebSocketCloseCode.MissingDataField, $"Missing field `{field}`.");

    public static ProtocolViolation WrongType(string field, string expected) =>
        new(WebSocketCloseCode.InvalidDataFieldType, $"Field `{field}` must be {expected}.");
}
