namespace StreamEngine.Core.Pipeline;

/// <summary>
/// Watches the times at which live frames reach the encoder: a frame later than 1.5 frame periods after the one before
/// is a gap (the stream shows the previous picture twice), whatever the frame clock believes about its own schedule.
/// </summary>
internal sealed class DeliveryGaps(TimeProvider time)
{
    private const double GapInPeriods = 1.5;
    private long _last;
    private long _count;
    private long _longestTicks;

    public long Count => Interlocked.Read(ref _count);

    public double LongestMs => time.GetElapsedTime(0, Interlocked.Read(ref _longestTicks)).TotalMilliseconds;

    /// <summary>Frame thread only.</summary>
    public void Delivered(int fps)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Exchange(ref _last, now);
        if (last == 0) return;
        var ticks = now - last;
        if (ticks > Interlocked.Read(ref _longestTicks)) Interlocked.Exchange(ref _longestTicks, ticks);
        if (ticks > GapInPeriods * time.TimestampFrequency / fps) Interlocked.Increment(ref _count);
    }

    public void Restart() => Interlocked.Exchange(ref _last, 0);

    public void ResetLongest() => Interlocked.Exchange(ref _longestTicks, 0);
}
