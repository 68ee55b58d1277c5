namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Show time that moves only when a test says so: frame by frame, as the engine's frame clock moves it
/// (time is <c>frameIndex / fps</c>, never the wall clock), so every rendered frame and every timer is repeatable.
/// </summary>
public sealed class ManualFrameClock
{
    /// <summary>Starts at frame 0.</summary>
    /// <param name="fps">Frames per second, 1 to 240.</param>
    public ManualFrameClock(int fps = 30)
    {
        if (fps is < 1 or > 240) throw new ArgumentOutOfRangeException(nameof(fps), fps, "expected 1 to 240 frames per second");
        Fps = fps;
        Now = new FrameTime(0, fps);
    }

    /// <summary>Frames per second.</summary>
    public int Fps { get; }

    /// <summary>The current frame.</summary>
    public FrameTime Now { get; private set; }

    /// <summary>Raised after each frame the clock moves to, in order.</summary>
    public event Action<FrameTime>? Ticked;

    /// <summary>Moves <paramref name="frames"/> frames on, raising <see cref="Ticked"/> for each.</summary>
    public FrameTime Advance(int frames = 1)
    {
        if (frames < 0) throw new ArgumentOutOfRangeException(nameof(frames), frames, "the clock only moves forward");
        for (var i = 0; i < frames; i++)
        {
            Now = new FrameTime(Now.Index + 1, Fps);
            Ticked?.Invoke(Now);
        }
        return Now;
    }

    /// <summary>Moves on by whole frames covering <paramref name="seconds"/> of show time.</summary>
    public FrameTime AdvanceSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > 86_400)
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "expected 0 to 86400 seconds");
        return Advance((int)Math.Round(seconds * Fps));
    }
}
