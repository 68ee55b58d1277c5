using StreamEngine.Sdk.Animation;
using StreamEngine.Toolkit;

namespace StreamEngine.Plugins.Easings.Spring;

/// <summary>
/// Spring easings: <c>spring(mass, stiffness, damping, initialVelocity)</c>, a damped harmonic oscillator moving from 0
/// to 1 (under-, critically or over-damped), stretched so the animation ends when the spring has settled.
/// Omitted trailing arguments take the defaults of plain <c>spring</c>: mass 1, stiffness 100, damping 10, velocity 0.
/// Velocity is in units of the whole distance per second of the spring's own time, positive towards the end.
/// </summary>
public sealed class SpringProvider : IEasingProvider
{
    private const string Usage = "spring(mass, stiffness, damping, initialVelocity)";
    private static readonly double[] Defaults = [1, 100, 10, 0];
    private static readonly string[] ArgumentNames = ["mass", "stiffness", "damping", "initialVelocity"];

    public IEasing? Resolve(string specification)
    {
        var spec = EasingSpecification.Parse(specification);
        if (spec.Function != "spring")
            return null;

        var values = (double[])Defaults.Clone();
        if (spec.HasArgumentList)
        {
            var arguments = spec.Arguments(0, 4, Usage);
            for (var i = 0; i < arguments.Count; i++)
                values[i] = spec.Number(arguments[i], ArgumentNames[i]);
        }
        else
        {
            spec.RequireKeyword();
        }

        var (mass, stiffness, damping, velocity) = (values[0], values[1], values[2], values[3]);
        if (mass <= 0)
            throw spec.Error($"mass must be greater than 0, got {mass}");
        if (stiffness <= 0)
            throw spec.Error($"stiffness must be greater than 0, got {stiffness}");
        if (damping <= 0)
            throw spec.Error($"damping must be greater than 0 (an undamped spring never settles), got {damping}");

        // Released at 1 from the target 0, moving towards it at the given speed; the easing is 1 - displacement.
        var oscillator = new DampedSpring(mass, stiffness, damping, 1, -velocity);
        var settlingTime = oscillator.SettleTime(SpringEasing.Tolerance, limit: double.MaxValue);
        if (!double.IsFinite(settlingTime) || settlingTime <= 0)
            throw spec.Error("this spring does not settle in a time that can be computed; use less extreme values");
        var name = FormattableString.Invariant($"spring({mass}, {stiffness}, {damping}, {velocity})");
        return new SpringEasing(name, oscillator, settlingTime);
    }
}
