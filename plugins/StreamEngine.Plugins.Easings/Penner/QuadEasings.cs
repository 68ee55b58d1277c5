using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInQuad</c>: t<sup>2</sup>; starts slowly.</summary>
public sealed class EaseInQuad : IEasing
{
    public string Name => "easeInQuad";

    public double Ease(double t) => Math.Pow(t, 2);
}

/// <summary><c>easeOutQuad</c>: 1 - (1 - t)<sup>2</sup>; ends slowly.</summary>
public sealed class EaseOutQuad : IEasing
{
    public string Name => "easeOutQuad";

    public double Ease(double t) => 1 - Math.Pow(1 - t, 2);
}

/// <summary><c>easeInOutQuad</c>: easeInQuad for the first half, easeOutQuad for the second.</summary>
public sealed class EaseInOutQuad : IEasing
{
    public string Name => "easeInOutQuad";

    public double Ease(double t) => t < 0.5 ? 2 * Math.Pow(t, 2) : 1 - Math.Pow(-2 * t + 2, 2) / 2;
}
