namespace StreamEngine.Plugins.Easings.Spring;

/// <summary>
/// A mass on a damped spring, m·x″ + c·x′ + k·x = 0, released at displacement x(0) = 1 with velocity x′(0) = -v₀
/// (a positive v₀ moves it towards rest), in closed form for each damping regime. Time τ is in seconds.
/// </summary>
internal sealed class DampedOscillator
{
    // Within this distance of critical damping the over-damped form loses digits to cancellation, while the
    // critically damped one is within about 1e-6 of the truth.
    private const double CriticalBand = 1e-8;

    private readonly Regime _regime;
    private readonly double _decay;      // ζ·ω₀: how fast the envelope shrinks
    private readonly double _frequency;  // under-damped only: ω_d = ω₀·√(1 - ζ²)
    private readonly double _b;          // under- and critically damped: the coefficient of the second solution
    private readonly double _slowRate, _fastRate;      // over-damped: x = slow·e^(-slowRate·τ) + fast·e^(-fastRate·τ)
    private readonly double _slowWeight, _fastWeight;

    public DampedOscillator(double mass, double stiffness, double damping, double initialVelocity)
    {
        var naturalFrequency = Math.Sqrt(stiffness / mass);
        var zeta = damping / (2 * Math.Sqrt(stiffness * mass));
        _decay = zeta * naturalFrequency;
        if (Math.Abs(zeta - 1) <= CriticalBand)
        {
            _regime = Regime.Critical;
            _decay = naturalFrequency;
            _b = naturalFrequency - initialVelocity;
        }
        else if (zeta < 1)
        {
            _regime = Regime.Under;
            _frequency = naturalFrequency * Math.Sqrt((1 - zeta) * (1 + zeta));
            _b = _decay - initialVelocity;
        }
        else
        {
            _regime = Regime.Over;
            var spread = Math.Sqrt((zeta - 1) * (zeta + 1));
            var gamma = naturalFrequency * spread;
            // ω₀·(ζ - √(ζ² - 1)) written without the cancellation that ruins it for heavy damping.
            _slowRate = naturalFrequency / (zeta + spread);
            _fastRate = _decay + gamma;
            _slowWeight = (1 + (_decay - initialVelocity) / gamma) / 2;
            _fastWeight = 1 - _slowWeight;
        }
    }

    private enum Regime { Under, Critical, Over }

    /// <summary>The displacement x(τ).</summary>
    public double Displacement(double tau) => _regime switch
    {
        // sin(ω_d·τ)/ω_d rather than a coefficient divided by ω_d: stays accurate as ω_d shrinks towards critical.
        Regime.Under => Math.Exp(-_decay * tau) * (Math.Cos(_frequency * tau) + _b * Math.Sin(_frequency * tau) / _frequency),
        Regime.Critical => (1 + _b * tau) * Math.Exp(-_decay * tau),
        _ => _slowWeight * Math.Exp(-_slowRate * tau) + _fastWeight * Math.Exp(-_fastRate * tau),
    };

    /// <summary>
    /// The first time after which |x(τ)| stays within <paramref name="tolerance"/>, judged by the envelope that bounds
    /// the motion (the decaying amplitude of the oscillation, or the sum of the absolute terms when it does not oscillate).
    /// </summary>
    public double SettlingTime(double tolerance)
    {
        if (_regime == Regime.Under)
        {
            var amplitude = Math.Sqrt(1 + Math.Pow(_b / _frequency, 2));
            return Math.Log(amplitude / tolerance) / _decay;
        }

        // The envelope falls from its peak on, so the settling time is the one crossing after the peak: bisect for it.
        var low = PeakOfEnvelope();
        var high = low + 1 / (_regime == Regime.Critical ? _decay : _slowRate);
        for (var i = 0; i < 2000 && Envelope(high) > tolerance; i++)
            high *= 2;
        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var middle = (low + high) / 2;
            if (Envelope(middle) > tolerance)
                low = middle;
            else
                high = middle;
        }
        return high;
    }

    private double Envelope(double tau) => _regime == Regime.Critical
        ? (1 + Math.Abs(_b) * tau) * Math.Exp(-_decay * tau)
        : Math.Abs(_slowWeight) * Math.Exp(-_slowRate * tau) + Math.Abs(_fastWeight) * Math.Exp(-_fastRate * tau);

    // (1 + |b|τ)·e^(-ω₀τ) peaks at τ = 1/ω₀ - 1/|b| when |b| > ω₀; the over-damped envelope only ever falls.
    private double PeakOfEnvelope() =>
        _regime == Regime.Critical && Math.Abs(_b) > _decay ? 1 / _decay - 1 / Math.Abs(_b) : 0;
}
