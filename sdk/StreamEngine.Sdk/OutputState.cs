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
public sealed record OutputStateChange(string OutputId, string Target, OutputState State, DateTimeOffset At, string? Reason = null)
{
    /// <summary>Set when the change is an adaptive output's step to another bitrate (its state stays as it was).</summary>
    public BitrateStep? Step { get; init; }
}

/// <summary>An adaptive output moved to another bitrate because its link fell behind or recovered.</summary>
/// <param name="FromKbps">The video bitrate before, in kbit/s.</param>
/// <param name="ToKbps">The video bitrate now, in kbit/s.</param>
/// <param name="Speed">The output's delivery speed that led to it (1 keeps up).</param>
/// <param name="BacklogSeconds">Seconds of stream that were waiting to be sent.</param>
public sealed record BitrateStep(int FromKbps, int ToKbps, double Speed, double BacklogSeconds);
