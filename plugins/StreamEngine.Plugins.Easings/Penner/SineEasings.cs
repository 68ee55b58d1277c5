using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInSine</c>: a quarter cosine wave; starts slowly.</summary>
public sealed class EaseInSine : IEasing
{
    public string Name => "easeInSine";

    // 1 - cos(π/2) rounds to just below 1; the end must be exact.
    public double Ease(double t) => t >= 1 ? 1 : 1 - Math.Cos(t * Math.PI / 2);
}

/// <summary><c>easeOutSine</c>: a quarter sine wave; ends slowly.</summary>
public sealed class EaseOutSine : IEasing
{
    public string Name => "easeOutSine";

    public double Ease(double t) => Math.Sin(t * Math.PI / 2);
}

/// <summary><c>easeInOutSine</c>: half a cosine wave; slow at both ends.</summary>
public sealed class EaseInOutSine : IEasing
{
    public string Name => "easeInOutSine";

    public double Ease(double t) => -(Math.Cos(Math.PI * t) - 1) / 2;
}
