using SkiaSharp;

namespace StreamEngine.Core.Animation;

/// <summary>A path measured once; gives the point and direction at any fraction of its length.</summary>
public sealed class PathMotion : IDisposable
{
    private readonly SKPathMeasure _measure;
    private readonly SKPath _path;

    public PathMotion(PathSpec spec)
    {
        _path = spec.Path is { } data
            ? SKPath.ParseSvgPathData(data) ?? throw new FormatException($"path: '{Shorten(data)}' is not valid SVG path data")
            : Polyline(spec.Points ?? throw new FormatException("path: expected \"path\" (SVG path data) or \"points\" ([[x,y], …])"));
        _measure = new SKPathMeasure(_path, forceClosed: false);
        Length = _measure.Length;
        if (Length <= 0) throw new FormatException("path: has no length; expected at least two distinct points");
    }

    public float Length { get; }

    /// <summary>Point and direction (degrees, 0 = to the right, clockwise) at <paramref name="fraction"/> of the length.</summary>
    public (double X, double Y, double Degrees) At(double fraction)
    {
        var distance = (float)(Math.Clamp(fraction, 0, 1) * Length);
        _measure.GetPositionAndTangent(distance, out var position, out var tangent);
        return (position.X, position.Y, Math.Atan2(tangent.Y, tangent.X) * 180 / Math.PI);
    }

    private static SKPath Polyline(List<double[]> points)
    {
        if (points.Count < 2 || points.Any(p => p.Length != 2)) throw new FormatException("path.points: expected at least two [x, y] pairs");
        using var builder = new SKPathBuilder();
        builder.MoveTo((float)points[0][0], (float)points[0][1]);
        foreach (var p in points.Skip(1)) builder.LineTo((float)p[0], (float)p[1]);
        return builder.Detach();
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    public void Dispose()
    {
        _measure.Dispose();
        _path.Dispose();
    }
}
