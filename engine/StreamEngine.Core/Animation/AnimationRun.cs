namespace StreamEngine.Core.Animation;

/// <summary>A top-level animation or timeline being played: its spec (with its playback), compiled nodes and flags.</summary>
internal sealed class AnimationRun(AnimationSpec spec, AnimationNode node, bool keepWhenDone)
{
    public AnimationSpec Spec { get; } = spec;

    public AnimationNode Node { get; } = node;

    public string Id => Spec.Id!;

    public Playback Playback => Spec.Playback!;

    public HashSet<(string Layer, string Property)> Touches { get; } = [.. node.Touches()];

    /// <summary>Runs with an id given by the user stay (finished) after the end, so they can be sought or replayed.</summary>
    public bool KeepWhenDone { get; } = keepWhenDone;

    public bool Started { get; set; }

    public bool Finished { get; set; }

    /// <summary>Show time from which it blends in over <see cref="AnimationSpec.BlendDuration"/>.</summary>
    public double? BlendInFrom { get; set; }

    /// <summary>Show time at which it ends because a newer animation blended over it.</summary>
    public double? BlendOutAt { get; set; }

    /// <summary>Local time at the previous frame, to notice labels passed.</summary>
    public double PreviousLocal { get; set; } = double.NaN;

    /// <summary>Local time: 0 is the start, <see cref="AnimationSpec.Delay"/> is where the node begins.</summary>
    public double LocalAt(double showTime) => Playback.LocalAt(showTime, Spec.Speed);

    public double LocalEnd => Spec.Delay + Node.Total;

    /// <summary>Show time at which it will end if nothing changes; infinity if never.</summary>
    public double EndsAt(double now)
    {
        if (Finished) return now;
        if (Playback.Paused || double.IsInfinity(LocalEnd)) return double.PositiveInfinity;
        var remaining = Playback.Reversed ? LocalAt(now) : LocalEnd - LocalAt(now);
        return now + Math.Max(0, remaining) / Spec.Speed;
    }

    public bool IsDoneAt(double local) => Playback.Reversed ? Started && local <= 0 : local >= LocalEnd;

    public double BlendWeight(double now)
    {
        if (BlendInFrom is not { } from || Spec.BlendDuration <= 0) return 1;
        var p = Math.Clamp((now - from) / Spec.BlendDuration, 0, 1);
        return p * p * (3 - 2 * p); // smoothstep: no kink at either end of the hand-over
    }
}
