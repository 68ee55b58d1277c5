using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInBack</c>: pulls back about 10 % below the start before moving (overshoot constant 1.70158).</summary>
public sealed class EaseInBack : IEasing
{
    internal const double Overshoot = 1.70158;

    public string Name => "easeInBack";

    // Published as (c1 + 1)·t³ - c1·t², which ends at 0.9999999999999998; this equal form ends exactly at 1.
    public double Ease(double t) => t * t * (Overshoot * (t - 1) + t);
}

/// <summary><c>easeOutBack</c>: overshoots the end by about 10 % and settles back.</summary>
public sealed class EaseOutBack : IEasing
{
    public string Name => "easeOutBack";

    // Published as 1 + (c1 + 1)·(t - 1)³ + c1·(t - 1)², which starts at 2.2e-16; this equal form starts exactly at 0.
    public double Ease(double t)
    {
        var u = t - 1;
        return 1 + u * u * (EaseInBack.Overshoot * t + u);
    }
}

/// <summary><c>easeInOutBack</c>: pulls back below the start and overshoots the end (overshoot 1.70158 × 1.525).</summary>
public sealed class EaseInOutBack : IEasing
{
    private const double Overshoot = EaseInBack.Overshoot * 1.525;

    public string Name => "easeInOutBack";

    public double Ease(double t) => t < 0.5
        ? Math.Pow(2 * t, 2) * ((Overshoot + 1) * 2 * t - Overshoot) / 2
        : (Math.Pow(2 * t - 2, 2) * ((Overshoot + 1) * (t * 2 - 2) + Overshoot) + 2) / 2;
}
