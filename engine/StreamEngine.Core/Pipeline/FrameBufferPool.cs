using System.Collections.Concurrent;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Pipeline;

/// <summary>
/// A fixed set of frame buffers allocated once. When all are in use (the encoder is behind), renting fails
/// and the frame is dropped: memory stays flat and the frame clock never waits.
/// </summary>
public sealed class FrameBufferPool
{
    private readonly ConcurrentBag<VideoFrame> _free = [];

    public FrameBufferPool(VideoFormat format, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Format = format;
        Capacity = count;
        for (var i = 0; i < count; i++)
            _free.Add(new VideoFrame(GC.AllocateUninitializedArray<byte>(format.FrameBytes, pinned: true), format, Return));
    }

    public VideoFormat Format { get; }

    public int Capacity { get; }

    public int Available => _free.Count;

    public bool TryRent(out VideoFrame frame) => _free.TryTake(out frame!);

    private void Return(VideoFrame frame) => _free.Add(frame);
}
