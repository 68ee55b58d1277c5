using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInQuint</c>: t<sup>5</sup>; starts slowly.</summary>
public sealed class EaseInQuint : IEasing
{
    public string Name => "easeInQuint";

    public double Ease(double t) => Math.Pow(t, 5);
}

/// <summary><c>easeOutQuint</c>: 1 - (1 - t)<sup>5</sup>; ends slowly.</summary>
public sealed class EaseOutQuint : IEasing
{
    public string Name => "easeOutQuint";

    public double Ease(double t) => 1 - Math.Pow(1 - t, 5);
}

/// <summary><c>easeInOutQuint</c>: easeInQuint for the first half, easeOutQuint for the second.</summary>
public sealed class EaseInOutQuint : IEasing
{
    public string Name => "easeInOutQuint";

    public double Ease(double t) => t < 0.5 ? 16 * Math.Pow(t, 5) : 1 - Math.Pow(-2 * t + 2, 5) / 2;
}
