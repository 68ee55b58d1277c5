using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInQuart</c>: t<sup>4</sup>; starts slowly.</summary>
public sealed class EaseInQuart : IEasing
{
    public string Name => "easeInQuart";

    public double Ease(double t) => Math.Pow(t, 4);
}

/// <summary><c>easeOutQuart</c>: 1 - (1 - t)<sup>4</sup>; ends slowly.</summary>
public sealed class EaseOutQuart : IEasing
{
    public string Name => "easeOutQuart";

    public double Ease(double t) => 1 - Math.Pow(1 - t, 4);
}

/// <summary><c>easeInOutQuart</c>: easeInQuart for the first half, easeOutQuart for the second.</summary>
public sealed class EaseInOutQuart : IEasing
{
    public string Name => "easeInOutQuart";

    public double Ease(double t) => t < 0.5 ? 8 * Math.Pow(t, 4) : 1 - Math.Pow(-2 * t + 2, 4) / 2;
}
