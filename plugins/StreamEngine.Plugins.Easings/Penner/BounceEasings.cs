using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeOutBounce</c>: falls onto the end and bounces three times, each lower.</summary>
public sealed class EaseOutBounce : IEasing
{
    private const double Gravity = 7.5625;
    private const double Span = 2.75;

    public string Name => "easeOutBounce";

    public double Ease(double t) => Bounce(t);

    internal static double Bounce(double t)
    {
        if (t < 1 / Span)
            return Gravity * t * t;
        if (t < 2 / Span)
            return Parabola(t - 1.5 / Span, 0.75);
        if (t < 2.5 / Span)
            return Parabola(t - 2.25 / Span, 0.9375);
        return Parabola(t - 2.625 / Span, 0.984375);
    }

    private static double Parabola(double offset, double peak) => Gravity * offset * offset + peak;
}

/// <summary><c>easeInBounce</c>: three growing bounces off the start, then away to the end.</summary>
public sealed class EaseInBounce : IEasing
{
    public string Name => "easeInBounce";

    public double Ease(double t) => 1 - EaseOutBounce.Bounce(1 - t);
}

/// <summary><c>easeInOutBounce</c>: easeInBounce for the first half, easeOutBounce for the second.</summary>
public sealed class EaseInOutBounce : IEasing
{
    public string Name => "easeInOutBounce";

    public double Ease(double t) => t < 0.5
        ? (1 - EaseOutBounce.Bounce(1 - 2 * t)) / 2
        : (1 + EaseOutBounce.Bounce(2 * t - 1)) / 2;
}
