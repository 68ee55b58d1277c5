namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Why the server closed the connection. The numbers are those of obs-websocket v5; the server also uses the
/// standard 1000 (normal closure) and 1009 (message too big).
/// </summary>
public enum WebSocketCloseCode
{
    NormalClosure = 1000,

    /// <summary>The engine is stopping.</summary>
    GoingAway = 1001,

    /// <summary>A message was larger than the configured limit (default 1 MiB).</summary>
    MessageTooBig = 1009,

    /// <summary>The message was not a JSON object in a text frame.</summary>
    MessageDecodeError = 4002,

    /// <summary>A required field (<c>op</c>, <c>d</c>, <c>rpcVersion</c>, <c>requestId</c>, <c>requests</c>) is missing.</summary>
    MissingDataField = 4003,

    /// <summary>A field has the wrong JSON type.</summary>
    InvalidDataFieldType = 4004,

    /// <summary>A field has a value outside the allowed ones (for example an unknown <c>executionType</c>).</summary>
    InvalidDataFieldValue = 4005,

    /// <summary>The <c>op</c> is not one a client may send.</summary>
    UnknownOpCode = 4006,

    /// <summary>A message other than Identify came before the session was identified.</summary>
    NotIdentified = 4007,

    /// <summary>Identify was sent twice; use Reidentify to change subscriptions.</summary>
    AlreadyIdentified = 4008,

    /// <summary>The authentication string was missing or wrong.</summary>
    AuthenticationFailed = 4009,

    /// <summary>The client asked for an RPC version the server does not speak (only 1 exists).</summary>
    UnsupportedRpcVersion = 4010,

    /// <summary>The server ended the session: the client did not read events fast enough, or the server is stopping.</summary>
    SessionInvalidated = 4011,

    /// <summary>The client asked for something the server does not do (batch execution type 1, SerialFrame).</summary>
    UnsupportedFeature = 4012,
}
