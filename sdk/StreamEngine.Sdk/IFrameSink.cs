namespace StreamEngine.Sdk;

/// <summary>Receives rendered frames: an encoder, a file of raw frames, a preview.</summary>
public interface IFrameSink
{
    /// <summary>
    /// Live mode: takes the frame without waiting. Returns false when the sink is full; the engine then drops
    /// the frame and counts it, so the frame clock never blocks. On true the sink owns the frame and releases it.
    /// </summary>
    bool TryWrite(VideoFrame frame);

    /// <summary>Offline mode: waits until the sink can take the frame; the sink owns the frame and releases it.</summary>
    ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken);
}
