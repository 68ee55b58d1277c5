namespace StreamEngine.Sdk;

/// <summary>
/// Turns frames into a stream for the outputs (files, RTMP, RTMPS, SRT). Encoders are swappable
/// (<see cref="Encoding.IEncoderType"/>): the default runs ffmpeg as a child process. One encode serves every output;
/// an output that fails reconnects by itself without touching the others.
/// </summary>
public interface IEncoder : IFrameSink, IAsyncDisposable
{
    /// <summary>Raised on every output state change (any thread).</summary>
    event Action<OutputStateChange>? OutputStateChanged;

    /// <summary>Starts encoding frames of <paramref name="format"/>.</summary>
    /// <param name="format">The frame size and rate.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    Task StartAsync(VideoFormat format, CancellationToken cancellationToken);

    /// <summary>Encodes every frame already written, finalizes the outputs (a file is left playable) and stops.</summary>
    /// <param name="cancellationToken">Cancels waiting for the flush.</param>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds an output (before or after start) and returns its id. Throws <see cref="FormatException"/> naming what is
    /// wrong with <paramref name="target"/> (scheme, path, container) without touching the running outputs.
    /// </summary>
    /// <param name="target">An <c>rtmp://</c>, <c>rtmps://</c>, <c>srt://</c> URL or a file path.</param>
    /// <param name="overwrite">False: a file output never replaces an existing file (the output fails with the reason).</param>
    string AddOutput(string target, bool overwrite = true);

    /// <summary>
    /// Adds an output with its own <paramref name="rendition"/> (size, bitrate, codec, frame rate), encoded once for
    /// every output that asks for the same one. An encoder with a single encode refuses with
    /// <see cref="NotSupportedException"/>, which the engine reports as the request's error.
    /// </summary>
    /// <param name="target">An <c>rtmp://</c>, <c>rtmps://</c>, <c>srt://</c> URL or a file path.</param>
    /// <param name="rendition">The picture it needs; null is the show's own.</param>
    /// <param name="overwrite">False: a file output never replaces an existing file.</param>
    string AddRenditionOutput(string target, OutputRendition? rendition, bool overwrite) => rendition is null ? AddOutput(target, overwrite)
        : throw new NotSupportedException("this encoder has one encode for every output; it cannot give an output a rendition of its own");

    /// <summary>Stops and removes an output; false when there is none with this id.</summary>
    /// <param name="id">The output's id.</param>
    Task<bool> RemoveOutputAsync(string id);

    /// <summary>Every output and its state.</summary>
    IReadOnlyList<EncoderOutput> ListOutputs();

    /// <summary>Counters and facts for metrics, stats and the bench; any thread.</summary>
    EncoderStats Stats();
}

/// <summary>What an encoder reports about itself.</summary>
/// <param name="QueuedFrames">Frames taken but not yet encoded.</param>
/// <param name="FramesWritten">Frames encoded (or handed to the encoding process).</param>
/// <param name="FramesDropped">
/// Frame slots a viewer sees as dropped: slots the engine skipped or the encoder refused (an encoder that keeps one
/// frame per slot shows the previous picture there), frames refused while it restarts, frames lost with it.
/// </param>
/// <param name="ProcessCpuSeconds">CPU seconds used by an encoding child process, or null when it encodes inside the engine or is down.</param>
/// <param name="VideoEncoder">The video encoder implementation in use (<c>libx264</c>, <c>h264_nvenc</c> …), or null before start.</param>
public sealed record EncoderStats(int QueuedFrames, long FramesWritten, long FramesDropped, double? ProcessCpuSeconds, string? VideoEncoder);

/// <summary>One output of an encoder.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Target">Where it goes, with any secret masked.</param>
/// <param name="State">Its state.</param>
/// <param name="Reconnects">How many times it reconnected.</param>
/// <param name="BytesSent">Bytes delivered so far.</param>
/// <param name="LastError">Its last error, with secrets masked, or null.</param>
public sealed record EncoderOutput(string Id, string Target, OutputState State, int Reconnects, long BytesSent, string? LastError)
{
    /// <summary>The rendition it was given; null when it takes the show's own encode.</summary>
    public OutputRendition? Rendition { get; init; }

    /// <summary>How it is doing (bitrate, fps, speed, drops, uptime); null when the encoder does not measure it.</summary>
    public OutputHealth? Health { get; init; }

    /// <summary>The video bitrate its encode uses now, in kbit/s (an adaptive rendition's current step); null when unknown.</summary>
    public int? VideoBitrateKbps { get; init; }
}
