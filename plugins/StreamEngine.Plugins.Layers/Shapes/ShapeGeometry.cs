using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Shapes;

/// <summary>
/// The outline of a shape layer as a path in the layer's box. Points of polygons and lines are fractions of the box
/// (0,0 top-left, 1,1 bottom-right), so a shape keeps its proportions when the box is resized; SVG paths are in
/// their <c>viewBox</c> units fitted into the box (aspect kept, centred), or in box pixels without a viewBox.
/// </summary>
internal static class ShapeGeometry
{
    public static readonly string[] Kinds = ["rect", "circle", "ellipse", "polygon", "line", "path"];

    /// <param name="box">The area to draw in: the layer's box inset by half the stroke, so strokes stay inside it.</param>
    public static SKPath Build(JsonObject props, string kind, SKRect box)
    {
        if (kind == "path") return SvgPath(props, box);
        using var builder = new SKPathBuilder();
        switch (kind)
        {
            case "rect":
                var radius = (float)Props.Number(props, "radius", 0);
                builder.AddRoundRect(new SKRoundRect(box, radius, radius), SKPathDirection.Clockwise);
                break;
            case "circle" or "ellipse":
                builder.AddOval(box, SKPathDirection.Clockwise);
                break;
            case "polygon":
                var points = Points(props, "points", box);
                if (points.Length < 3) throw Props.Bad("points", "at least three [x, y] points", props["points"]);
                builder.AddPoly(points, close: true);
                break;
            case "line":
                builder.MoveTo(Point(props, "from", box, new SKPoint(0, 0.5f)));
                builder.LineTo(Point(props, "to", box, new SKPoint(1, 0.5f)));
                break;
        }
        return builder.Detach();
    }

    private static SKPath SvgPath(JsonObject props, SKRect box)
    {
        var d = Props.String(props, "d") ?? throw new ArgumentException("props.d: expected SVG path data such as \"M0 0 L10 0 L5 8 Z\"");
        var path = SKPath.ParseSvgPathData(d) ?? throw new ArgumentException($"props.d: not valid SVG path data: \"{Shorten(d)}\"");
        if (props["viewBox"] is null)
        {
            path.Offset(box.Left, box.Top);
            return path;
        }
        var view = Numbers(props, "viewBox");
        if (view.Length != 4 || view[2] <= 0 || view[3] <= 0)
            throw Props.Bad("viewBox", "[minX, minY, width, height] with a positive width and height", props["viewBox"]);
        var scale = Math.Min(box.Width / view[2], box.Height / view[3]);
        var matrix = SKMatrix.CreateTranslation(-view[0], -view[1])
            .PostConcat(SKMatrix.CreateScale(scale, scale))
            .PostConcat(SKMatrix.CreateTranslation(box.Left + (box.Width - view[2] * scale) / 2, box.Top + (box.Height - view[3] * scale) / 2));
        path.Transform(matrix);
        return path;
    }

    private static SKPoint[] Points(JsonObject props, string name, SKRect box) =>
        props[name] is JsonArray list
            ? list.Select((p, i) => ToBox(Pair(p, $"{name}[{i}]"), box)).ToArray()
            : throw Props.Bad(name, "an array of [x, y] points (fractions of the box, 0 to 1)", props[name]);

    private static SKPoint Point(JsonObject props, string name, SKRect box, SKPoint fallback) =>
        ToBox(props[name] is null ? fallback : Pair(props[name], name), box);

    private static SKPoint ToBox(SKPoint fraction, SKRect box) => new(box.Left + fraction.X * box.Width, box.Top + fraction.Y * box.Height);

    private static SKPoint Pair(JsonNode? node, string name) =>
        node is JsonArray { Count: 2 } pair && pair.All(IsNumber)
            ? new SKPoint(pair[0]!.GetValue<float>(), pair[1]!.GetValue<float>())
            : throw Props.Bad(name, "a point [x, y]", node);

    private static float[] Numbers(JsonObject props, string name) =>
        props[name] is JsonArray list && list.All(IsNumber)
            ? list.Select(v => v!.GetValue<float>()).ToArray()
            : throw Props.Bad(name, "an array of numbers", props[name]);

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
