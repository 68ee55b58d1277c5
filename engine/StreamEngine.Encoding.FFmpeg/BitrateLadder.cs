namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Decides an adaptive output's bitrate from how its link keeps up. The rungs are 100 %, 60 % and 35 % of the
/// configured bitrate, none below the floor. A step down needs <see cref="OutputPolicy.AdaptDownAfter"/> of trouble
/// without a break, a step up <see cref="OutputPolicy.AdaptUpAfter"/> of health without a break, and the gap between
/// "behind" and "healthy" (speed 0.9 against 0.97, backlog 1.5 s against 0.5 s) is the hysteresis: a link that just
/// carries a rung is neither, so the ladder stays put. After each step the observations start over once the
/// settle time has passed (the health window must hold only the new bitrate's figures), so steps are at least
/// settle + down-after apart. A step up that had to be undone soon doubles the health asked before trying that rung
/// again (up to 16 times), so a link that carries only the lower rung is not probed every half minute.
/// Pure: time comes in as an argument; any one thread.
/// </summary>
internal sealed class BitrateLadder
{
    public const double BehindSpeed = 0.9;
    public const double HealthySpeed = 0.97;
    public const double BehindBacklogSeconds = 1.5;
    public const double HealthyBacklogSeconds = 0.5;
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly double[] Fractions = [1.0, 0.6, 0.35];

    private readonly TimeSpan _downAfter;
    private readonly TimeSpan _upAfter;
    private readonly int[] _upPenalty;
    private TimeSpan _settledAt;
    private TimeSpan? _behindSince;
    private TimeSpan? _healthySince;
    private TimeSpan? _steppedUpAt;

    public BitrateLadder(int topKbps, int? floorKbps, TimeSpan downAfter, TimeSpan upAfter, TimeSpan now)
    {
        var floor = Math.Clamp(floorKbps ?? (int)Math.Round(topKbps * Fractions[^1]), Math.Min(100, topKbps), topKbps);
        Rungs = [.. Fractions.Select(f => Math.Max(floor, (int)Math.Round(topKbps * f))).Distinct()];
        _upPenalty = new int[Rungs.Count];
        Array.Fill(_upPenalty, 1);
        (_downAfter, _upAfter, _settledAt) = (downAfter, upAfter, now + Settle);
    }

    /// <summary>The bitrates, highest first.</summary>
    public IReadOnlyList<int> Rungs { get; }

    /// <summary>Index into <see cref="Rungs"/> of the bitrate in use.</summary>
    public int Rung { get; private set; }

    public int CurrentKbps => Rungs[Rung];

    /// <summary>
    /// One look at the link: its delivery speed and the seconds of stream waiting for it (and whether chunks were
    /// dropped since the last look, which only a link that is behind makes happen). Returns the new bitrate when it
    /// is time to step, else null.
    /// </summary>
    public int? Observe(double speed, double backlogSeconds, bool dropped, TimeSpan now)
    {
        if (now < _settledAt) return null;
        var behind = dropped || speed < BehindSpeed || backlogSeconds > BehindBacklogSeconds;
        var healthy = !behind && speed >= HealthySpeed && backlogSeconds < HealthyBacklogSeconds;
        _behindSince = behind ? _behindSince ?? now : null;
        _healthySince = healthy ? _healthySince ?? now : null;
        if (_behindSince is { } b && now - b >= _downAfter && Rung < Rungs.Count - 1)
        {
            if (_steppedUpAt is { } up && now - up < _upAfter) _upPenalty[Rung] = Math.Min(16, _upPenalty[Rung] * 2);
            return Step(Rung + 1, now, steppedUp: false);
        }
        if (_healthySince is { } h && Rung > 0 && now - h >= _upAfter * _upPenalty[Rung - 1])
            return Step(Rung - 1, now, steppedUp: true);
        return null;
    }

    /// <summary>The output is not live (reconnecting): what was seen so far no longer says anything about its link.</summary>
    public void Pause(TimeSpan now) => (_behindSince, _healthySince, _settledAt) = (null, null, now + Settle);

    private int Step(int rung, TimeSpan now, bool steppedUp)
    {
        Rung = rung;
        (_behindSince, _healthySince, _settledAt) = (null, null, now + Settle);
        _steppedUpAt = steppedUp ? now : null;
        return CurrentKbps;
    }
}
