using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInElastic</c>: a growing oscillation that snaps to the end; exact at both ends.</summary>
public sealed class EaseInElastic : IEasing
{
    private const double Frequency = 2 * Math.PI / 3;

    public string Name => "easeInElastic";

    public double Ease(double t) => t switch
    {
        0 => 0,
        1 => 1,
        _ => -Math.Pow(2, 10 * t - 10) * Math.Sin((t * 10 - 10.75) * Frequency),
    };
}

/// <summary><c>easeOutElastic</c>: jumps to the end and oscillates around it, dying out; exact at both ends.</summary>
public sealed class EaseOutElastic : IEasing
{
    private const double Frequency = 2 * Math.PI / 3;

    public string Name => "easeOutElastic";

    public double Ease(double t) => t switch
    {
        0 => 0,
        1 => 1,
        _ => Math.Pow(2, -10 * t) * Math.Sin((t * 10 - 0.75) * Frequency) + 1,
    };
}

/// <summary><c>easeInOutElastic</c>: easeInElastic for the first half, easeOutElastic for the second.</summary>
public sealed class EaseInOutElastic : IEasing
{
    private const double Frequency = 2 * Math.PI / 4.5;

    public string Name => "easeInOutElastic";

    public double Ease(double t) => t switch
    {
        0 => 0,
        1 => 1,
        < 0.5 => -(Math.Pow(2, 20 * t - 10) * Math.Sin((20 * t - 11.125) * Frequency)) / 2,
        _ => Math.Pow(2, -20 * t + 10) * Math.Sin((20 * t - 11.125) * Frequency) / 2 + 1,
    };
}
