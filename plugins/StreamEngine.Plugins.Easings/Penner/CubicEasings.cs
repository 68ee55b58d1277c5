using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInCubic</c>: t<sup>3</sup>; starts slowly.</summary>
public sealed class EaseInCubic : IEasing
{
    public string Name => "easeInCubic";

    public double Ease(double t) => Math.Pow(t, 3);
}

/// <summary><c>easeOutCubic</c>: 1 - (1 - t)<sup>3</sup>; ends slowly.</summary>
public sealed class EaseOutCubic : IEasing
{
    public string Name => "easeOutCubic";

    public double Ease(double t) => 1 - Math.Pow(1 - t, 3);
}

/// <summary><c>easeInOutCubic</c>: easeInCubic for the first half, easeOutCubic for the second.</summary>
public sealed class EaseInOutCubic : IEasing
{
    public string Name => "easeInOutCubic";

    public double Ease(double t) => t < 0.5 ? 4 * Math.Pow(t, 3) : 1 - Math.Pow(-2 * t + 2, 3) / 2;
}
