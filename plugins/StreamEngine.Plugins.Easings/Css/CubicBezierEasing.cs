using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Css;

/// <summary>
/// A CSS cubic Bézier easing through (0, 0), (x1, y1), (x2, y2), (1, 1): for progress x it finds the curve
/// parameter s with x(s) = x, then returns y(s). Solved like browsers' UnitBezier: Newton–Raphson from s = x, and
/// bisection when the slope is too flat for Newton to be trusted.
/// </summary>
internal sealed class CubicBezierEasing : IEasing
{
    // Tighter than browsers' 1e-7 so y is within 1e-6 even where the curve is steep.
    private const double Accuracy = 1e-9;
    private const int NewtonIterations = 8;
    private const int BisectionIterations = 100;

    // Polynomial coefficients: x(s) = ((ax·s + bx)·s + cx)·s, likewise y.
    private readonly double _ax, _bx, _cx, _ay, _by, _cy;

    /// <remarks>x1 and x2 must be in [0, 1] (checked by the provider), which makes x(s) monotonic.</remarks>
    public CubicBezierEasing(string name, double x1, double y1, double x2, double y2)
    {
        Name = name;
        _cx = 3 * x1;
        _bx = 3 * (x2 - x1) - _cx;
        _ax = 1 - _cx - _bx;
        _cy = 3 * y1;
        _by = 3 * (y2 - y1) - _cy;
        _ay = 1 - _cy - _by;
    }

    public string Name { get; }

    public double Ease(double t) => t switch
    {
        <= 0 => 0,
        >= 1 => 1,
        _ => SampleY(SolveX(t)),
    };

    private double SampleX(double s) => ((_ax * s + _bx) * s + _cx) * s;

    private double SampleY(double s) => ((_ay * s + _by) * s + _cy) * s;

    private double SlopeX(double s) => (3 * _ax * s + 2 * _bx) * s + _cx;

    private double SolveX(double x)
    {
        var s = x;
        for (var i = 0; i < NewtonIterations; i++)
        {
            var error = SampleX(s) - x;
            if (Math.Abs(error) < Accuracy)
                return s;
            var slope = SlopeX(s);
            if (Math.Abs(slope) < 1e-6)
                break;
            s -= error / slope;
        }

        var (low, high) = (0.0, 1.0);
        s = x;
        for (var i = 0; i < BisectionIterations; i++)
        {
            var sampled = SampleX(s);
            if (Math.Abs(sampled - x) < Accuracy)
                break;
            if (x > sampled)
                low = s;
            else
                high = s;
            s = (low + high) / 2;
        }
        return s;
    }
}
