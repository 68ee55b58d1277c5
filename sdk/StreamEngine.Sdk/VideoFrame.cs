namespace StreamEngine.Sdk;

/// <summary>
/// One rendered frame in a pooled buffer. Whoever holds the frame must call <see cref="Release"/>
/// exactly once when done with it, so the buffer returns to the pool.
/// </summary>
public sealed class VideoFrame
{
    private readonly Action<VideoFrame> _release;

    /// <summary>Creates a frame over a buffer that <paramref name="release"/> gives back to its pool.</summary>
    public VideoFrame(byte[] buffer, VideoFormat format, Action<VideoFrame> release)
    {
        Buffer = buffer;
        Format = format;
        _release = release;
    }

    /// <summary>The pixel buffer, BGRA premultiplied; only the first <see cref="VideoFormat.FrameBytes"/> bytes are the frame.</summary>
    public byte[] Buffer { get; }

    /// <summary>Size and rate of the frame.</summary>
    public VideoFormat Format { get; }

    /// <summary>Time of the frame.</summary>
    public FrameTime Time { get; set; }

    /// <summary>
    /// Which composed image the buffer holds, as tagged by the engine; when a frame is unchanged and a pooled buffer
    /// already holds it, the engine does not copy it again. A sink may use it only with <see cref="ChangedSince"/>.
    /// </summary>
    public long ContentVersion { get; set; } = -1;

    /// <summary>
    /// The <see cref="ContentVersion"/> of the frame the engine handed the same sink before this one, when it knows
    /// where the two differ (<see cref="ChangedRects"/>); -1 when not known: treat the whole frame as changed. A sink
    /// that keeps something made from the previous frame (the encoder's YUV copy) needs to redo only those rectangles.
    /// </summary>
    public long ChangedSince { get; private set; } = -1;

    /// <summary>Where this frame differs from the frame <see cref="ChangedSince"/>, as separate rectangles; empty when identical.</summary>
    public IReadOnlyList<PixelRect> ChangedRects => _changedRects;

    private readonly List<PixelRect> _changedRects = [];

    /// <summary>Engine: says where this frame differs from the frame <paramref name="since"/> (-1 and no rectangles: not known).</summary>
    public void SetChanges(long since, IEnumerable<PixelRect> rects)
    {
        ChangedSince = since;
        _changedRects.Clear();
        _changedRects.AddRange(rects);
    }

    /// <summary>The frame's pixels.</summary>
    public ReadOnlyMemory<byte> Pixels => Buffer.AsMemory(0, Format.FrameBytes);

    /// <summary>Returns the buffer to its pool.</summary>
    public void Release() => _release(this);
}
