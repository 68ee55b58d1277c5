using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Animation;

/// <summary>
/// What an animation may write, by <see cref="ShowStateRules"/>: numbers are clamped into their field's range (a
/// tween to 1e9 pixels stops at the largest allowed box) and a value that is not finite is not written at all.
/// </summary>
internal static class AnimatedBounds
{
    public static bool TryBound(PropertyPath property, ref AnimValue value, ShowLimits limits)
    {
        if (value.Kind is AnimValueKind.Number or AnimValueKind.Point or AnimValueKind.Size && !(double.IsFinite(value.X) && double.IsFinite(value.Y)))
            return false;
        switch (property.Kind)
        {
            case PropertyKind.Transform when value.Kind == AnimValueKind.Number:
                var (min, max) = Range(property.Keys[0], limits);
                value = value with { X = Math.Clamp(value.X, min, max) };
                return true;
            case PropertyKind.ZIndex when value.Kind == AnimValueKind.Number:
                value = value with { X = Math.Clamp(value.X, -limits.MaxZIndex, limits.MaxZIndex) };
                return true;
            case PropertyKind.Props:
                return value.Kind != AnimValueKind.Discrete || ShowStateRules.CheckValue(value.Other, limits, property.Text).Count == 0;
            default:
                return true;
        }
    }

    private static (double Min, double Max) Range(string key, ShowLimits limits) => key switch
    {
        "transform.x" or "transform.y" => (-limits.MaxCoordinate, limits.MaxCoordinate),
        "transform.width" => (0, limits.MaxLayerWidth),
        "transform.height" => (0, limits.MaxLayerHeight),
        "transform.scaleX" or "transform.scaleY" => (-limits.MaxScale, limits.MaxScale),
        "transform.rotation" => (-limits.MaxRotation, limits.MaxRotation),
        "transform.opacity" => (0, 1),
        _ => (-limits.MaxAnchor, limits.MaxAnchor),
    };
}
