using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins.Easings.Css;

/// <summary>
/// CSS cubic Bézier easings (CSS Easing Functions Level 1): <c>cubic-bezier(x1, y1, x2, y2)</c> with x1 and x2 between
/// 0 and 1 (y1 and y2 may overshoot), and the keywords <c>ease</c>, <c>ease-in</c>, <c>ease-out</c>, <c>ease-in-out</c>.
/// </summary>
public sealed class CubicBezierProvider : IEasingProvider
{
    private const string Usage = "cubic-bezier(x1, y1, x2, y2) with x1 and x2 between 0 and 1";

    public IEasing? Resolve(string specification)
    {
        var spec = EasingSpecification.Parse(specification);
        return spec.Function switch
        {
            "cubic-bezier" => FromArguments(spec),
            "ease" => Keyword(spec, 0.25, 0.1, 0.25, 1),
            "ease-in" => Keyword(spec, 0.42, 0, 1, 1),
            "ease-out" => Keyword(spec, 0, 0, 0.58, 1),
            "ease-in-out" => Keyword(spec, 0.42, 0, 0.58, 1),
            _ => null,
        };
    }

    private static CubicBezierEasing Keyword(EasingSpecification spec, double x1, double y1, double x2, double y2)
    {
        spec.RequireKeyword();
        return new CubicBezierEasing(spec.Function, x1, y1, x2, y2);
    }

    private static CubicBezierEasing FromArguments(EasingSpecification spec)
    {
        var arguments = spec.Arguments(4, 4, Usage);
        var x1 = spec.Number(arguments[0], "x1");
        var y1 = spec.Number(arguments[1], "y1");
        var x2 = spec.Number(arguments[2], "x2");
        var y2 = spec.Number(arguments[3], "y2");
        if (x1 is < 0 or > 1)
            throw spec.Error("x1 must be between 0 and 1");
        if (x2 is < 0 or > 1)
            throw spec.Error("x2 must be between 0 and 1");
        return new CubicBezierEasing(FormattableString.Invariant($"cubic-bezier({x1}, {y1}, {x2}, {y2})"), x1, y1, x2, y2);
    }
}
