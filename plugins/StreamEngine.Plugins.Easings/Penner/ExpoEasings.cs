using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInExpo</c>: 2<sup>10t - 10</sup>, exactly 0 at the start.</summary>
public sealed class EaseInExpo : IEasing
{
    public string Name => "easeInExpo";

    public double Ease(double t) => t == 0 ? 0 : Math.Pow(2, 10 * t - 10);
}

/// <summary><c>easeOutExpo</c>: 1 - 2<sup>-10t</sup>, exactly 1 at the end.</summary>
public sealed class EaseOutExpo : IEasing
{
    public string Name => "easeOutExpo";

    public double Ease(double t) => t == 1 ? 1 : 1 - Math.Pow(2, -10 * t);
}

/// <summary><c>easeInOutExpo</c>: easeInExpo for the first half, easeOutExpo for the second; exact at both ends.</summary>
public sealed class EaseInOutExpo : IEasing
{
    public string Name => "easeInOutExpo";

    public double Ease(double t) => t switch
    {
        0 => 0,
        1 => 1,
        < 0.5 => Math.Pow(2, 20 * t - 10) / 2,
        _ => (2 - Math.Pow(2, -20 * t + 10)) / 2,
    };
}
