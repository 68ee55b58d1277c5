using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The shape layer's features, each rendered to PNG and compared with its golden image.</summary>
public sealed class ShapeGoldenTests
{
    private const string Star = "[[0.5,0],[0.61,0.35],[0.98,0.35],[0.68,0.57],[0.79,0.91],[0.5,0.7],[0.21,0.91],[0.32,0.57],[0.02,0.35],[0.39,0.35]]";
    private const string Heart = "M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z";

    [Fact]
    public void Shapes_rounded_rectangle_circle_fill_and_stroke() =>
        GoldenImage.Check("shapes", 320, 180, Backdrop,
            Layer("rect", "shape", """{ "shape": "rect", "radius": 18, "fill": "#f2a541", "stroke": "#ffffff", "strokeWidth": 4 }""", 20, 30, 160, 110),
            Layer("circle", "shape", """{ "shape": "circle", "fill": "#2ec4b6" }""", 200, 40, 100, 100),
            Layer("ring", "shape", """{ "shape": "circle", "stroke": "#e94560", "strokeWidth": 6 }""", 215, 55, 70, 70));

    [Fact]
    public void Polygon_line_and_svg_path() =>
        GoldenImage.Check("shapes-polygon-line-path", 480, 200, Backdrop,
            Layer("star", "shape", $$"""{ "shape": "polygon", "points": {{Star}}, "fill": "#ffd166", "stroke": "#f77f00", "strokeWidth": 3 }""", 20, 20, 140, 140),
            Layer("line", "shape", """{ "shape": "line", "from": [0, 1], "to": [1, 0], "stroke": "#06d6a0", "strokeWidth": 10, "cap": "round" }""", 180, 40, 120, 100),
            Layer("heart", "shape", $$"""{ "shape": "path", "d": "{{Heart}}", "viewBox": [0, 0, 24, 24], "fill": "#e63946" }""", 320, 20, 140, 140),
            Layer("rule", "shape", """{ "shape": "line", "stroke": "#ffffff", "strokeWidth": 2 }""", 20, 175, 440, 10));

    [Fact]
    public void Opacity_and_gradient_fill() =>
        GoldenImage.Check("shapes-opacity-gradient", 480, 200, Backdrop,
            Layer("gradient", "shape", """{ "shape": "rect", "radius": 24, "fill": { "type": "linear", "angle": 90, "colors": ["#7b2ff7", "#f107a3"] } }""", 20, 20, 200, 160),
            Layer("radial", "shape", """{ "shape": "circle", "fill": { "type": "radial", "colors": ["#ffffff", "#118ab2"] } }""", 240, 20, 160, 160),
            Layer("glass", "shape", """{ "shape": "rect", "radius": 12, "fill": "#ffffff", "stroke": "#000000", "strokeWidth": 8, "opacity": 0.5 }""", 160, 60, 160, 80));

    [Theory]
    [InlineData("""{ "shape": "hexagon" }""", "props.shape: expected rect, circle, ellipse, polygon, line, path")]
    [InlineData("""{ "shape": "polygon", "points": [[0, 0], [1, 1]] }""", "props.points: expected at least three [x, y] points")]
    [InlineData("""{ "shape": "polygon", "points": [[0, 0], [1], [1, 1]] }""", "props.points[1]: expected a point [x, y]")]
    [InlineData("""{ "shape": "path", "d": "M 0 0 L banana" }""", "props.d: not valid SVG path data")]
    [InlineData("""{ "shape": "path", "d": "M0 0 L1 1", "viewBox": [0, 0, 0, 24] }""", "props.viewBox: expected [minX, minY, width, height]")]
    [InlineData("""{ "shape": "rect", "fill": "#ff", "opacity": 0.5 }""", "props.fill: expected a color")]
    [InlineData("""{ "shape": "rect", "opacity": 2 }""", "props.opacity: expected a number from 0 to 1")]
    [InlineData("""{ "shape": "line", "cap": "pointy" }""", "props.cap: expected butt, round or square")]
    public void Bad_shape_props_show_an_error_naming_the_prop(string props, string error) =>
        Assert.Contains(error, Assert.Single(GoldenImage.Errors(120, 60, Layer("s", "shape", props, 0, 0, 100, 50))).Error);
}
