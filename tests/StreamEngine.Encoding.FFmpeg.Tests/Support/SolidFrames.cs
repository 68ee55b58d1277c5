using System.Collections.Concurrent;
using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>A tiny frame pool of solid-colour BGRA frames that counts frames not yet released.</summary>
public sealed class SolidFrames(VideoFormat format)
{
    private readonly ConcurrentBag<byte[]> _free = [];
    private int _outstanding;

    /// <summary>Frames handed out and not released yet.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    public VideoFrame Rent(byte red, byte green, byte blue, long index)
    {
        if (!_free.TryTake(out var buffer)) buffer = new byte[format.FrameBytes];
        for (var i = 0; i < format.FrameBytes; i += 4)
        {
            buffer[i] = blue;
            buffer[i + 1] = green;
            buffer[i + 2] = red;
            buffer[i + 3] = 255;
        }
        Interlocked.Increment(ref _outstanding);
        return new VideoFrame(buffer, format, Return) { Time = new FrameTime(index, format.Fps) };
    }

    private void Return(VideoFrame frame)
    {
        Interlocked.Decrement(ref _outstanding);
        _free.Add(frame.Buffer);
    }
}
