using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>A snapshot of one output.</summary>
/// <param name="Id">Id returned by <see cref="FFmpegEncoder.AddOutput"/>.</param>
/// <param name="Target">Where it goes, secrets masked.</param>
/// <param name="State">Current state.</param>
/// <param name="ReconnectCount">How many times it was restarted after a failure.</param>
/// <param name="BytesSent">Bytes of encoded stream handed to it.</param>
/// <param name="DroppedChunks">Chunks dropped because it fell behind (each drop skips to the next keyframe).</param>
/// <param name="LastError">Why it last left the Live or Connecting state, secrets masked; null if it never did.</param>
public sealed record OutputStatus(
    string Id,
    string Target,
    OutputState State,
    int ReconnectCount,
    long BytesSent,
    long DroppedChunks,
    string? LastError)
{
    /// <summary>The rendition it was added with; null when it takes the show's own encode.</summary>
    public OutputRendition? Rendition { get; init; }

    /// <summary>Its delivery over the last seconds (bitrate, fps, speed), its encode's dropped frames and its uptime.</summary>
    public OutputHealth? Health { get; init; }

    /// <summary>The video bitrate its encode uses now (an adaptive rendition's current step), in kbit/s.</summary>
    public int? VideoBitrateKbps { get; init; }
}
