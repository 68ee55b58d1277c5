using SkiaSharp;

namespace StreamEngine.Sdk.Resources;

/// <summary>How an animation continues after its last frame.</summary>
public enum Playback
{
    /// <summary>Starts again from the first frame.</summary>
    Loop,

    /// <summary>Stops on the last frame.</summary>
    Once,

    /// <summary>Plays backwards to the first frame, then forwards again.</summary>
    PingPong,
}

/// <summary>Decoded frames of an animation with how long each is shown.</summary>
public sealed class AnimatedImage
{
    /// <summary>Frame duration used when the source has none (a folder of images, a GIF frame of 0 ms): 100 ms, as browsers do.</summary>
    public static readonly TimeSpan DefaultFrameDuration = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan[] _starts;

    /// <summary>Creates an animation; both lists have one entry per frame.</summary>
    public AnimatedImage(IReadOnlyList<SKImage> frames, IReadOnlyList<TimeSpan> durations)
    {
        if (frames.Count == 0) throw new ArgumentException("an animation needs at least one frame", nameof(frames));
        if (durations.Count != frames.Count) throw new ArgumentException("one duration per frame is needed", nameof(durations));
        Frames = frames;
        Durations = durations.Select(d => d > TimeSpan.Zero ? d : DefaultFrameDuration).ToArray();
        _starts = new TimeSpan[frames.Count];
        for (var i = 1; i < frames.Count; i++) _starts[i] = _starts[i - 1] + Durations[i - 1];
        Duration = _starts[^1] + Durations[^1];
    }

    /// <summary>The frames, fully composed (each frame is a complete picture).</summary>
    public IReadOnlyList<SKImage> Frames { get; }

    /// <summary>How long each frame is shown.</summary>
    public IReadOnlyList<TimeSpan> Durations { get; }

    /// <summary>Length of one pass through every frame.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Index of the frame shown <paramref name="elapsed"/> after the animation started.</summary>
    public int FrameAt(TimeSpan elapsed, Playback playback) => FrameAt(elapsed, playback, Frames.Count, i => _starts[i], Duration);

    /// <summary>
    /// Index of the frame at <paramref name="elapsed"/> for <paramref name="count"/> frames at a constant <paramref name="fps"/>
    /// (sprite sheets, folders played at a set rate).
    /// </summary>
    public static int FrameAt(TimeSpan elapsed, Playback playback, int count, double fps)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), "expected at least one frame");
        if (fps <= 0) throw new ArgumentOutOfRangeException(nameof(fps), "expected frames per second above 0");
        var frame = TimeSpan.FromSeconds(1 / fps);
        return FrameAt(elapsed, playback, count, i => frame * i, frame * count);
    }

    private static int FrameAt(TimeSpan elapsed, Playback playback, int count, Func<int, TimeSpan> start, TimeSpan duration)
    {
        if (count == 1 || elapsed <= TimeSpan.Zero) return 0;
        var passes = (long)(elapsed.Ticks / duration.Ticks);
        var within = TimeSpan.FromTicks(elapsed.Ticks % duration.Ticks);
        if (playback == Playback.Once && passes > 0) return count - 1;
        // Ping-pong plays every odd pass backwards, each frame for its own duration: 0 1 2 3 3 2 1 0 0 1 ...
        if (playback == Playback.PingPong && passes % 2 == 1) within = duration - within - TimeSpan.FromTicks(1);
        return Find(within, count, start);
    }

    private static int Find(TimeSpan within, int count, Func<int, TimeSpan> start)
    {
        var (low, high) = (0, count - 1);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (start(mid) <= within) low = mid; else high = mid - 1;
        }
        return low;
    }
}
