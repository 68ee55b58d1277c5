namespace StreamEngine.Toolkit;

/// <summary>
/// A mass on a damped spring, m·x″ + c·x′ + k·x = 0, released at displacement x(0) with velocity x′(0), solved in closed
/// form for each damping regime (under-, critically and over-damped): displacement and velocity are pure functions of
/// time, so a spring can be evaluated at any frame, seeked, and restored after a restart. The engine's spring
/// animations and the spring easing both use it. Time is in seconds.
/// </summary>
public sealed class DampedSpring
{
    // Within this distance of critical damping the over-damped form loses digits to cancellation, while the
    // critically damped one is within about 1e-6 of the truth.
    private const double CriticalBand = 1e-8;

    private readonly Regime _regime;
    private readonly double _y0, _v0;
    private readonly double _decay;                // ζ·ω₀ (ω₀ when critical): how fast the envelope shrinks
    private readonly double _frequency;            // under-damped: ω_d = ω₀·√(1 - ζ²)
    private readonly double _b;                    // under- and critically damped: v₀ + decay·y₀
    private readonly double _slowRate, _fastRate;  // over-damped: x = slow·e^(-slowRate·t) + fast·e^(-fastRate·t)
    private readonly double _slowWeight, _fastWeight;

    /// <summary>Creates a spring; <paramref name="displacement"/> is the distance from rest, <paramref name="velocity"/> in units per second.</summary>
    /// <exception cref="ArgumentException">A mass or stiffness not above 0, a negative damping, or a value that is not finite.</exception>
    public DampedSpring(double mass, double stiffness, double damping, double displacement, double velocity)
    {
        if (mass <= 0 || stiffness <= 0 || damping < 0 || !double.IsFinite(mass + stiffness + damping + displacement + velocity))
            throw new ArgumentException($"spring: expected mass > 0, stiffness > 0, damping >= 0 and finite values, got mass {mass}, stiffness {stiffness}, damping {damping}");
        (_y0, _v0) = (displacement, velocity);
        var omega = Math.Sqrt(stiffness / mass);
        var zeta = damping / (2 * Math.Sqrt(stiffness * mass));
        _decay = zeta * omega;
        if (Math.Abs(zeta - 1) <= CriticalBand)
        {
            _regime = Regime.Critical;
            _decay = omega;
            _b = velocity + omega * displacement;
        }
        else if (zeta < 1)
        {
            _regime = Regime.Under;
            _frequency = omega * Math.Sqrt((1 - zeta) * (1 + zeta));
            _b = velocity + _decay * displacement;
        }
        else
        {
            _regime = Regime.Over;
            var spread = Math.Sqrt((zeta - 1) * (zeta + 1));
            var gamma = omega * spread;
            // ω₀·(ζ - √(ζ² - 1)) written without the cancellation that ruins it for heavy damping.
            _slowRate = omega / (zeta + spread);
            _fastRate = _decay + gamma;
            _slowWeight = displacement / 2 + (velocity + _decay * displacement) / (2 * gamma);
            _fastWeight = displacement - _slowWeight;
        }
    }

    private enum Regime { Under, Critical, Over }

    /// <summary>Displacement from rest and velocity at <paramref name="t"/> seconds.</summary>
    public (double Displacement, double Velocity) At(double t)
    {
        if (t <= 0) return (_y0, _v0);
        switch (_regime)
        {
            case Regime.Under:
            {
                // sin(ω_d·t)/ω_d rather than a coefficient divided by ω_d: stays accurate as ω_d shrinks towards critical.
                var envelope = Math.Exp(-_decay * t);
                var (cos, sinc) = (Math.Cos(_frequency * t), Math.Sin(_frequency * t) / _frequency);
                return (envelope * (_y0 * cos + _b * sinc),
                    envelope * ((_b - _decay * _y0) * cos - (_decay * _b + _y0 * _frequency * _frequency) * sinc));
            }
            case Regime.Critical:
            {
                var envelope = Math.Exp(-_decay * t);
                var x = _y0 + _b * t;
                return (x * envelope, (_b - _decay * x) * envelope);
            }
            default:
            {
                var (slow, fast) = (_slowWeight * Math.Exp(-_slowRate * t), _fastWeight * Math.Exp(-_fastRate * t));
                return (slow + fast, -_slowRate * slow - _fastRate * fast);
            }
        }
    }

    /// <summary>
    /// Upper bounds of |displacement| and |velocity| at <paramref name="t"/>: they shrink over time (after
    /// <see cref="PeakTime"/>), so once below a threshold the motion stays below it.
    /// </summary>
    public (double Displacement, double Speed) Bound(double t)
    {
        var envelope = Math.Exp(-_decay * t);
        switch (_regime)
        {
            case Regime.Under:
            {
                var amplitude = envelope * Math.Sqrt(_y0 * _y0 + Math.Pow(_b / _frequency, 2));
                return (amplitude, amplitude * Math.Sqrt(_decay * _decay + _frequency * _frequency));
            }
            case Regime.Critical:
            {
                var reach = Math.Abs(_y0) + Math.Abs(_b) * t;
                return (envelope * reach, envelope * (Math.Abs(_b) + _decay * reach));
            }
            default:
            {
                var (slow, fast) = (Math.Abs(_slowWeight) * Math.Exp(-_slowRate * t), Math.Abs(_fastWeight) * Math.Exp(-_fastRate * t));
                return (slow + fast, _slowRate * slow + _fastRate * fast);
            }
        }
    }

    /// <summary>The time after which the critically damped bound only falls: (|y₀| + |b|·t)·e^(-ω₀t) peaks at 1/ω₀ - |y₀|/|b|.</summary>
    public double PeakTime => _regime == Regime.Critical && Math.Abs(_b) > _decay * Math.Abs(_y0) ? 1 / _decay - Math.Abs(_y0) / Math.Abs(_b) : 0;

    /// <summary>
    /// When the spring is at rest: from then on its displacement stays below <paramref name="restDelta"/> and its speed
    /// below <paramref name="restSpeed"/> (judged by <see cref="Bound"/>, not by a lucky zero crossing); at most <paramref name="limit"/>.
    /// </summary>
    public double SettleTime(double restDelta, double restSpeed = double.PositiveInfinity, double limit = 600)
    {
        if (_regime == Regime.Under && double.IsPositiveInfinity(restSpeed))
            return Math.Max(0, Math.Min(limit, Math.Log(Bound(0).Displacement / restDelta) / _decay)); // the envelope's exact crossing
        bool AtRest(double t) => t >= PeakTime && Bound(t) is var b && b.Displacement < restDelta && b.Speed < restSpeed;
        if (AtRest(0)) return 0;
        // Doubling, then bisection: the bounds fall monotonically after the peak.
        double low = PeakTime, high = PeakTime + 1.0 / 60;
        while (!AtRest(high) && high < limit) (low, high) = (high, high * 2);
        if (high >= limit) return limit;
        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var middle = (low + high) / 2;
            if (AtRest(middle)) high = middle; else low = middle;
        }
        return high;
    }
}
