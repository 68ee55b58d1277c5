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
}
