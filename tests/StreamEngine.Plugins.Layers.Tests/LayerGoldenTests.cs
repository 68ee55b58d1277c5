using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>Each layer type and feature rendered to PNG and compared with its golden image.</summary>
public sealed class LayerGoldenTests
{
    [Fact]
    public void Background_linear_gradient() =>
        GoldenImage.Check("background-linear", 320, 180, Layer("bg", "background", """{ "gradient": { "type": "linear", "angle": 135, "colors": ["#0b1d3a", "#e94560"] } }"""));

    [Fact]
    public void Background_radial_gradient() =>
        GoldenImage.Check("background-radial", 320, 180, Layer("bg", "background", """{ "gradient": { "type": "radial", "colors": ["#ffd166", "#06264a"] } }"""));

    [Theory]
    [InlineData("contain")]
    [InlineData("cover")]
    [InlineData("fill")]
    [InlineData("none")]
    public void Image_fit_modes(string fit) =>
        GoldenImage.Check($"image-{fit}", 320, 180, Backdrop, Layer("art", "image", $$"""{ "src": "artwork.png", "fit": "{{fit}}" }""", 40, 20, 240, 140));

    [Fact]
    public void Text_weights_styles_alignment_wrapping_and_shadow() =>
        GoldenImage.Check("text", 480, 270, Backdrop,
            Layer("left", "overlay.text", """{ "text": "Lot 7 — Mandelbrot Study, a long title that wraps", "color": "#ffffff", "font": { "family": "sans", "size": 26, "weight": 700 }, "shadow": "#000000" }""", 20, 20, 440, 90),
            Layer("center", "overlay.text", """{ "text": "Serif italic, centred", "align": "center", "color": "#ffd166", "font": { "family": "serif", "size": 24, "style": "italic" } }""", 20, 130, 440, 40),
            Layer("right", "overlay.text", """{ "text": "mono 2.5 ETH", "align": "right", "color": "#06d6a0", "font": { "family": "mono", "size": 22 } }""", 20, 180, 440, 40));

    [Fact]
    public void Shapes_rounded_rectangle_circle_fill_and_stroke() =>
        GoldenImage.Check("shapes", 320, 180, Backdrop,
            Layer("rect", "shape", """{ "shape": "rect", "radius": 18, "fill": "#f2a541", "stroke": "#ffffff", "strokeWidth": 4 }""", 20, 30, 160, 110),
            Layer("circle", "shape", """{ "shape": "circle", "fill": "#2ec4b6" }""", 200, 40, 100, 100),
            Layer("ring", "shape", """{ "shape": "circle", "stroke": "#e94560", "strokeWidth": 6 }""", 215, 55, 70, 70));
}
