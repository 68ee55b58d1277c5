using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers;

/// <summary>
/// A gradient from props: <c>{ "type": "linear" | "radial", "colors": [at least two colors], "angle": degrees }</c>
/// (CSS angles: 180 runs top to bottom, 90 left to right; radial runs from the centre to the farthest side).
/// </summary>
internal static class Gradient
{
    /// <param name="gradient">The gradient object.</param>
    /// <param name="name">Where it is in the props (<c>gradient</c>, <c>fill</c>), for error messages.</param>
    /// <param name="box">The area the gradient spans.</param>
    public static SKShader Shader(JsonObject gradient, string name, SKRect box)
    {
        var colors = gradient["colors"] is JsonArray list && list.Count >= 2
            ? list.Select((c, i) => Props.ParseColor(c is JsonValue v && v.TryGetValue<string>(out var s) ? s : c?.ToJsonString() ?? "null", $"props.{name}.colors[{i}]")).ToArray()
            : throw Props.Bad($"{name}.colors", "an array of at least two colors", gradient["colors"]);
        var type = Props.String(gradient, $"{name}.type") ?? "linear";
        return type switch
        {
            "linear" => Linear(box, Props.Number(gradient, $"{name}.angle", 180), colors),
            "radial" => SKShader.CreateRadialGradient(new SKPoint(box.MidX, box.MidY), MathF.Max(box.Width, box.Height) / 2f, colors, SKShaderTileMode.Clamp),
            _ => throw Props.Bad($"{name}.type", "\"linear\" or \"radial\"", gradient["type"]),
        };
    }

    private static SKShader Linear(SKRect box, double angle, SKColor[] colors)
    {
        var radians = (angle - 90) * Math.PI / 180;
        var (dx, dy) = ((float)Math.Cos(radians), (float)Math.Sin(radians));
        var half = (Math.Abs(box.Width * dx) + Math.Abs(box.Height * dy)) / 2;
        var centre = new SKPoint(box.MidX, box.MidY);
        return SKShader.CreateLinearGradient(
            new SKPoint(centre.X - dx * half, centre.Y - dy * half),
            new SKPoint(centre.X + dx * half, centre.Y + dy * half),
            colors, SKShaderTileMode.Clamp);
    }
}
