namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// The frame clock's slots one encoder process has seen: how many were skipped before each frame that arrives. A
/// skip longer than <see cref="MaxFill"/> (the engine suspended, a stall of many seconds) is filled that far only,
/// so a writer that resumes never spends minutes writing one picture again.
/// </summary>
internal sealed class FrameSlots(int fps)
{
    private long _last = -1;

    /// <summary>The most slots one gap is filled with: ten seconds of frames.</summary>
    public int MaxFill => fps * 10;

    /// <summary>Slots skipped between the last frame and frame <paramref name="index"/> (0 for the first, or one not later than the last).</summary>
    public int Skipped(long index)
    {
        var gap = _last < 0 || index <= _last ? 0 : index - _last - 1;
        _last = Math.Max(_last, index);
        return (int)Math.Min(gap, MaxFill);
    }
}
