namespace StreamEngine.Core.Animation;

/// <summary>
/// A damped spring, solved in closed form (under-, critically and over-damped): position and velocity are pure
/// functions of time, so a spring can be evaluated at any frame, seeked, and restored after a restart.
/// </summary>
public readonly struct Spring
{
    private readonly double _target, _omega0, _zeta, _y0, _v0;

    public Spring(double from, double to, double velocity, double mass, double stiffness, double damping)
    {
        if (mass <= 0 || stiffness <= 0 || damping < 0 || !double.IsFinite(from + to + velocity))
            throw new ArgumentException($"spring: expected mass > 0, stiffness > 0, damping >= 0 and finite values, got mass {mass}, stiffness {stiffness}, damping {damping}");
        _target = to;
        _omega0 = Math.Sqrt(stiffness / mass);
        _zeta = damping / (2 * Math.Sqrt(stiffness * mass));
        _y0 = from - to;
        _v0 = velocity;
    }

    public double Target => _target;

    /// <summary>Position and velocity (units per second) at <paramref name="t"/> seconds.</summary>
    public (double Position, double Velocity) At(double t)
    {
        if (t <= 0) return (_target + _y0, _v0);
        var (y, v) = Offset(t);
        return (_target + y, v);
    }

    /// <summary>
    /// When the spring is at rest: from then on its distance to the target stays below <paramref name="restDelta"/>
    /// and its speed below <paramref name="restSpeed"/> (checked on a bound of the motion, not a lucky zero crossing).
    /// </summary>
    public double SettleTime(double restDelta, double restSpeed, double limit = 600)
    {
        if (Bound(0).Position < restDelta && Bound(0).Speed < restSpeed) return 0;
        // The bounds shrink over time (after at most one rise for a critically damped spring): find the first time
        // they are below the thresholds by doubling, then bisection.
        double lo = 0, hi = 1.0 / 60;
        while (!AtRest(hi, restDelta, restSpeed) && hi < limit) (lo, hi) = (hi, hi * 2);
        if (hi >= limit) return limit;
        for (var i = 0; i < 40; i++)
        {
            var mid = (lo + hi) / 2;
            if (AtRest(mid, restDelta, restSpeed)) hi = mid; else lo = mid;
        }
        return hi;
    }

    private bool AtRest(double t, double restDelta, double restSpeed) =>
        Bound(t) is var b && b.Position < restDelta && b.Speed < restSpeed && t >= PeakTime;

    private double PeakTime => _zeta >= 1 ? 2 / _omega0 : 0;

    private (double Y, double V) Offset(double t)
    {
        double w0 = _omega0, z = _zeta, y0 = _y0, v0 = _v0;
        if (z < 1)
        {
            var wd = w0 * Math.Sqrt(1 - z * z);
            var decay = Math.Exp(-z * w0 * t);
            var b = (v0 + z * w0 * y0) / wd;
            var (cos, sin) = (Math.Cos(wd * t), Math.Sin(wd * t));
            var y = decay * (y0 * cos + b * sin);
            var v = decay * ((b * wd - z * w0 * y0) * cos - (y0 * wd + z * w0 * b) * sin);
            return (y, v);
        }
        if (z == 1)
        {
            var decay = Math.Exp(-w0 * t);
            var b = v0 + w0 * y0;
            return (decay * (y0 + b * t), decay * (b - w0 * (y0 + b * t)));
        }
        var root = Math.Sqrt(z * z - 1);
        double r1 = -w0 * (z - root), r2 = -w0 * (z + root);
        var c2 = (v0 - r1 * y0) / (r2 - r1);
        var c1 = y0 - c2;
        double e1 = Math.Exp(r1 * t), e2 = Math.Exp(r2 * t);
        return (c1 * e1 + c2 * e2, c1 * r1 * e1 + c2 * r2 * e2);
    }

    /// <summary>Upper bounds of |distance| and |speed| at t, decreasing in t (after <see cref="PeakTime"/>).</summary>
    private (double Position, double Speed) Bound(double t)
    {
        double w0 = _omega0, z = _zeta, y0 = _y0, v0 = _v0;
        if (z < 1)
        {
            var wd = w0 * Math.Sqrt(1 - z * z);
            var amplitude = Math.Exp(-z * w0 * t) * Math.Sqrt(y0 * y0 + Math.Pow((v0 + z * w0 * y0) / wd, 2));
            return (amplitude, amplitude * w0); // |v| <= e^(-zw0 t) R sqrt((z w0)^2 + wd^2) = e^(-zw0 t) R w0
        }
        if (z == 1)
        {
            var decay = Math.Exp(-w0 * t);
            var b = Math.Abs(v0 + w0 * y0);
            return (decay * (Math.Abs(y0) + b * t), decay * (b + w0 * (Math.Abs(y0) + b * t)));
        }
        var root = Math.Sqrt(z * z - 1);
        double r1 = -w0 * (z - root), r2 = -w0 * (z + root);
        var c2 = Math.Abs((v0 - r1 * y0) / (r2 - r1));
        var c1 = Math.Abs(y0 - (v0 - r1 * y0) / (r2 - r1));
        double e1 = Math.Exp(r1 * t), e2 = Math.Exp(r2 * t);
        return (c1 * e1 + c2 * e2, c1 * -r1 * e1 + c2 * -r2 * e2);
    }
}
