using StreamEngine.Sdk.Animation;
using StreamEngine.Toolkit;

namespace StreamEngine.Core.Animation;

/// <summary>
/// A spring animation's motion: a <see cref="DampedSpring"/> released at <c>from</c> towards <c>to</c>. Position and
/// velocity are pure functions of time, so a spring can be evaluated at any frame, seeked, and restored after a restart.
/// </summary>
public sealed class Spring(double from, double to, double velocity, double mass, double stiffness, double damping)
{
    private readonly DampedSpring _motion = new(mass, stiffness, damping, from - to, velocity);

    public double Target => to;

    /// <summary>Position and velocity (units per second) at <paramref name="t"/> seconds.</summary>
    public (double Position, double Velocity) At(double t)
    {
        var (offset, speed) = _motion.At(t);
        return (to + offset, speed);
    }

    /// <summary>
    /// When the spring is at rest: from then on its distance to the target stays below <paramref name="restDelta"/>
    /// and its speed below <paramref name="restSpeed"/> (checked on a bound of the motion, not a lucky zero crossing).
    /// </summary>
    public double SettleTime(double restDelta, double restSpeed, double limit = 600) => _motion.SettleTime(restDelta, restSpeed, limit);
}
