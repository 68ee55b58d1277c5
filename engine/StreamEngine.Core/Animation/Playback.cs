namespace StreamEngine.Core.Animation;

/// <summary>
/// Where a running animation is: its local time is <c>AnchorLocal + (showTime - AnchorTime) × speed × direction</c>
/// while playing, and <c>AnchorLocal</c> while paused. Pause, seek, reverse and speed changes move the anchor, so the
/// local time stays a pure function of show time and survives a restart.
/// </summary>
public sealed class Playback
{
    public double AnchorTime { get; set; }

    public double AnchorLocal { get; set; }

    public bool Paused { get; set; }

    public bool Reversed { get; set; }

    public double LocalAt(double showTime, double speed) =>
        Paused ? AnchorLocal : AnchorLocal + (showTime - AnchorTime) * speed * (Reversed ? -1 : 1);

    /// <summary>Re-anchors at <paramref name="showTime"/> keeping the current local time, then applies a change.</summary>
    public void Rebase(double showTime, double speed)
    {
        AnchorLocal = LocalAt(showTime, speed);
        AnchorTime = showTime;
    }
}
