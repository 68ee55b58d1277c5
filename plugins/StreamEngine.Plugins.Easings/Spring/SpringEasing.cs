using StreamEngine.Sdk.Animation;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Easings.Spring;

/// <summary>
/// A spring pulling from 0 towards 1, as a <see cref="DampedSpring"/>, with time scaled so t = 1 is the moment the
/// spring has settled (its envelope within <see cref="Tolerance"/> of 1). Under-damped springs overshoot 1 on the way.
/// </summary>
internal sealed class SpringEasing : IEasing
{
    public const double Tolerance = 0.001;

    private readonly DampedSpring _oscillator;
    private readonly double _settlingTime;

    public SpringEasing(string name, DampedSpring oscillator, double settlingTime)
    {
        Name = name;
        _oscillator = oscillator;
        _settlingTime = settlingTime;
    }

    public string Name { get; }

    // The last step to exactly 1 is at most Tolerance: the spring has settled by then.
    public double Ease(double t) => t switch
    {
        <= 0 => 0,
        >= 1 => 1,
        _ => 1 - _oscillator.At(t * _settlingTime).Displacement,
    };
}
