namespace StreamEngine.Server.WebSocket;

/// <summary>How the requests of a batch run; the numbers are those of obs-websocket v5.</summary>
public enum RequestBatchExecutionType
{
    /// <summary>Not in a batch: a single Request.</summary>
    None = -1,

    /// <summary>One after the other, as fast as possible; <c>Sleep</c> adds delays. The default.</summary>
    SerialRealtime = 0,

    /// <summary>obs-websocket's frame-synchronised batch; not supported here (closes with 4012).</summary>
    SerialFrame = 1,

    /// <summary>All at once; results still come back in request order.</summary>
    Parallel = 2,
}
