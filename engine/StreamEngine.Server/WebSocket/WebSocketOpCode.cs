namespace StreamEngine.Server.WebSocket;

/// <summary>The <c>op</c> of a protocol message; the numbers are those of obs-websocket v5.</summary>
public enum WebSocketOpCode
{
    /// <summary>Server to client, on connect: engine version, RPC version and the authentication challenge.</summary>
    Hello = 0,

    /// <summary>Client to server: RPC version, authentication string and event subscriptions.</summary>
    Identify = 1,

    /// <summary>Server to client: the session is ready (answer to Identify and Reidentify).</summary>
    Identified = 2,

    /// <summary>Client to server: changes the event subscriptions of an identified session.</summary>
    Reidentify = 3,

    /// <summary>Server to client: something happened in the show.</summary>
    Event = 5,

    /// <summary>Client to server: one request.</summary>
    Request = 6,

    /// <summary>Server to client: the answer to one request.</summary>
    RequestResponse = 7,

    /// <summary>Client to server: several requests, serial or parallel.</summary>
    RequestBatch = 8,

    /// <summary>Server to client: the answers to a batch, in request order.</summary>
    RequestBatchResponse = 9,
}
