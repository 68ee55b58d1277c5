namespace StreamEngine.Sdk;

/// <summary>State of one live output (an RTMP server, a file, an SRT listener).</summary>
public enum OutputState
{
    /// <summary>The output process is starting and has not yet delivered data.</summary>
    Connecting,

    /// <summary>Data is flowing to the destination.</summary>
    Live,

    /// <summary>The connection was lost; the output waits for its backoff delay, then connects again.</summary>
    Reconnecting,

    /// <summary>The output gave up (it was told to stop retrying, or its settings cannot work).</summary>
    Failed,

    /// <summary>The output was stopped on purpose.</summary>
    Stopped,
}

/// <summary>An output changed state.</summary>
/// <param name="OutputId">Id of the output.</param>
/// <param name="Target">Where the output goes, with any secret (stream key, password) masked.</param>
/// <param name="State">The new state.</param>
/// <param name="At">When the change happened.</param>
/// <param name="Reason">Why, when the change was not asked for (for example the reader's error).</param>
public sealed record OutputStateChange(string OutputId, string Target, OutputState State, DateTimeOffset At, string? Reason = null);
