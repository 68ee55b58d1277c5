using System.Globalization;
using StreamEngine.Sdk;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using StreamEngine.Toolkit;

namespace StreamEngine.Core.Animation;

/// <summary>
/// A value an animation moves between: a number, a color (interpolated in OKLab), a point or size (interpolated
/// per component), or anything else (text, true/false), which switches halfway as CSS does for discrete values.
/// </summary>
public readonly record struct AnimValue(AnimValueKind Kind, double X, double Y, Oklab Color, JsonNode? Other)
{
    public static AnimValue Number(double v) => new(AnimValueKind.Number, v, 0, default, null);

    public static AnimValue Pair(AnimValueKind kind, double x, double y) => new(kind, x, y, default, null);

    public static AnimValue FromJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return Number(v.GetValue<double>());
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && ColorText.TryParse(v.GetValue<string>(), out var color):
                return new(AnimValueKind.Color, 0, 0, Oklab.FromColor(color), null);
            case JsonObject o when o["x"] is JsonValue x && o["y"] is JsonValue y:
                return Pair(AnimValueKind.Point, x.GetValue<double>(), y.GetValue<double>());
            case JsonObject o when o["width"] is JsonValue w && o["height"] is JsonValue h:
                return Pair(AnimValueKind.Size, w.GetValue<double>(), h.GetValue<double>());
            case JsonArray { Count: 2 } a when a[0] is JsonValue x && a[1] is JsonValue y && x.GetValueKind() == JsonValueKind.Number:
                return Pair(AnimValueKind.Point, x.GetValue<double>(), y.GetValue<double>());
            default:
                return new(AnimValueKind.Discrete, 0, 0, default, node?.DeepClone());
        }
    }

    public JsonNode? ToJson() => Kind switch
    {
        AnimValueKind.Number => JsonValue.Create(X),
        AnimValueKind.Color => ColorText.Format(Color.ToColor()),
        AnimValueKind.Point => new JsonObject { ["x"] = X, ["y"] = Y },
        AnimValueKind.Size => new JsonObject { ["width"] = X, ["height"] = Y },
        _ => Other?.DeepClone(),
    };

    /// <summary>Whether both are the same value (discrete values compared as JSON).</summary>
    public bool SameAs(AnimValue other) =>
        Kind == other.Kind && X == other.X && Y == other.Y && Color.Equals(other.Color) && JsonNode.DeepEquals(Other, other.Other);

    /// <summary>The value a fraction <paramref name="t"/> of the way from <paramref name="a"/> to <paramref name="b"/> (t may overshoot).</summary>
    public static AnimValue Lerp(AnimValue a, AnimValue b, double t)
    {
        if (a.Kind != b.Kind || a.Kind == AnimValueKind.Discrete) return t < 0.5 ? a : b;
        return a.Kind == AnimValueKind.Color
            ? a with { Color = Oklab.Lerp(a.Color, b.Color, t) }
            : a with { X = Between(a.X, b.X, t), Y = Between(a.Y, b.Y, t) };
    }

    // a + (b - a) * t overflows to infinity for a tween from -1e308 to 1e308; this form stays finite from t = 0 to 1.
    private static double Between(double a, double b, double t) => t == 0 ? a : t == 1 ? b : a * (1 - t) + b * t;

    public override string ToString() => Kind switch
    {
        AnimValueKind.Number => X.ToString(CultureInfo.InvariantCulture),
        _ => ToJson()?.ToJsonString() ?? "null",
    };
}

public enum AnimValueKind { Number, Color, Point, Size, Discrete }
