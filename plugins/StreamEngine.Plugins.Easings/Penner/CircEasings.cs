using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Penner;

// Robert Penner's easings as published on https://easings.net; one small class per name, found by the engine.

/// <summary><c>easeInCirc</c>: a quarter circle; starts slowly, ends steeply.</summary>
public sealed class EaseInCirc : IEasing
{
    public string Name => "easeInCirc";

    public double Ease(double t) => 1 - Math.Sqrt(1 - t * t);
}

/// <summary><c>easeOutCirc</c>: a quarter circle; starts steeply, ends slowly.</summary>
public sealed class EaseOutCirc : IEasing
{
    public string Name => "easeOutCirc";

    public double Ease(double t) => Math.Sqrt(1 - Math.Pow(t - 1, 2));
}

/// <summary><c>easeInOutCirc</c>: easeInCirc for the first half, easeOutCirc for the second.</summary>
public sealed class EaseInOutCirc : IEasing
{
    public string Name => "easeInOutCirc";

    public double Ease(double t) => t < 0.5
        ? (1 - Math.Sqrt(1 - Math.Pow(2 * t, 2))) / 2
        : (Math.Sqrt(1 - Math.Pow(-2 * t + 2, 2)) + 1) / 2;
}
