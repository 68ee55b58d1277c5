using StreamEngine.Sdk;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// An output's delivery over the last few seconds, from its ffmpeg's progress reports: bytes, frames and stream time
/// delivered per second of wall time. ffmpeg's own bitrate, fps and speed are averages since its start, which hide a
/// link that slowed down a minute in. Any thread.
/// </summary>
internal sealed class OutputHealthMeter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Queue<(long At, long Bytes, long Frames, long StreamMicroseconds)> _samples = new();
    private long _liveSince;

    /// <summary>A progress report: totals so far of the current ffmpeg process.</summary>
    public void Sample(long bytes, long frames, long streamMicroseconds)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            _samples.Enqueue((now, bytes, frames, streamMicroseconds));
            while (_samples.Count > 2 && time.GetElapsedTime(_samples.Peek().At, now) > Window) _samples.Dequeue();
        }
    }

    /// <summary>The output went live (uptime starts) or stopped being live (uptime 0, the window starts over).</summary>
    public void Live(bool live)
    {
        lock (_lock)
        {
            _liveSince = live ? time.GetTimestamp() : 0;
            _samples.Clear();
        }
    }

    /// <summary>Delivery over the window; zeros until two reports arrived.</summary>
    public OutputHealth Read(long droppedFrames)
    {
        lock (_lock)
        {
            var uptime = _liveSince == 0 ? 0 : time.GetElapsedTime(_liveSince).TotalSeconds;
            if (_samples.Count < 2) return new OutputHealth(0, 0, 0, droppedFrames, Math.Round(uptime, 1));
            var first = _samples.Peek();
            var last = _samples.Last();
            var seconds = time.GetElapsedTime(first.At, last.At).TotalSeconds;
            if (seconds <= 0) return new OutputHealth(0, 0, 0, droppedFrames, Math.Round(uptime, 1));
            return new OutputHealth(
                Math.Round(Math.Max(0, last.Bytes - first.Bytes) * 8 / 1000.0 / seconds, 1),
                Math.Round(Math.Max(0, last.Frames - first.Frames) / seconds, 2),
                Math.Round(Math.Max(0, last.StreamMicroseconds - first.StreamMicroseconds) / 1e6 / seconds, 3),
                droppedFrames, Math.Round(uptime, 1));
        }
    }
}
