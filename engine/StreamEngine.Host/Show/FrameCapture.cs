using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>
/// Passes live frames to the encoder and, while capturing, keeps a copy of each one the encoder took, in order, so
/// the benchmark's baseline encodes exactly what the live run encoded. A frame identical to the one before (same
/// content version) is kept as a reference to the same copy: repeats cost no memory and are fed again as they came.
/// </summary>
internal sealed class FrameCapture(IFrameSink encoder, int maxFrames) : IFrameSink
{
    private readonly List<ReadOnlyMemory<byte>> _frames = [];
    private long _lastVersion = -1;
    private volatile bool _capturing;

    /// <summary>Completes once <c>maxFrames</c> frames are captured.</summary>
    public TaskCompletionSource Full { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The captured frames, in the order the encoder took them; read it once <see cref="Full"/> completed.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Frames => _frames;

    /// <summary>How many different pictures the captured frames hold.</summary>
    public int Distinct { get; private set; }

    public void Start() => _capturing = true;

    public bool TryWrite(VideoFrame frame)
    {
        if (!encoder.TryWrite(frame)) return false;
        // Still on the frame thread: the buffer is not rented again before this returns, so the copy is whole.
        if (_capturing) Keep(frame);
        return true;
    }

    public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => encoder.WriteAsync(frame, cancellationToken);

    private void Keep(VideoFrame frame)
    {
        if (_frames.Count > 0 && frame.ContentVersion == _lastVersion) _frames.Add(_frames[^1]);
        else
        {
            var copy = GC.AllocateUninitializedArray<byte>(frame.Format.FrameBytes);
            frame.Pixels.Span.CopyTo(copy);
            _frames.Add(copy);
            _lastVersion = frame.ContentVersion;
            Distinct++;
        }
        if (_frames.Count < maxFrames) return;
        _capturing = false;
        Full.TrySetResult();
    }
}
