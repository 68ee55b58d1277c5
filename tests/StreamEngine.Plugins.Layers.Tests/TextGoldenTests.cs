using StreamEngine.TestFixtures;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The overlay text layer's features, each rendered to PNG and compared with its golden image.</summary>
public sealed class TextGoldenTests
{
    [Fact]
    public void Text_weights_styles_alignment_wrapping_and_shadow() =>
        GoldenImage.Check("text", 480, 270, Backdrop,
            Layer("left", "overlay.text", """{ "text": "Lot 7 — Mandelbrot Study, a long title that wraps", "color": "#ffffff", "font": { "family": "sans", "size": 26, "weight": 700 }, "shadow": "#000000" }""", 20, 20, 440, 90),
            Layer("center", "overlay.text", """{ "text": "Serif italic, centred", "align": "center", "color": "#ffd166", "font": { "family": "serif", "size": 24, "style": "italic" } }""", 20, 130, 440, 40),
            Layer("right", "overlay.text", """{ "text": "mono 2.5 ETH", "align": "right", "color": "#06d6a0", "font": { "family": "mono", "size": 22 } }""", 20, 180, 440, 40));

    [Fact]
    public void Text_letter_spacing_line_height_and_max_lines_with_ellipsis() =>
        GoldenImage.Check("text-spacing-ellipsis", 480, 270, Backdrop,
            Layer("spaced", "overlay.text", """{ "text": "LIVE AUCTION", "letterSpacing": 8, "font": { "size": 28, "weight": 700 }, "color": "#e94560" }""", 20, 16, 440, 40),
            Layer("tall", "overlay.text", """{ "text": "Line height two: the lines of this text stand well apart", "lineHeight": 2, "font": { "size": 18 } }""", 20, 64, 440, 90),
            Layer("cut", "overlay.text", """{ "text": "Two lines at most: this description of the lot goes on and on about its provenance, its condition and its frame", "maxLines": 2, "font": { "size": 20 }, "color": "#ffd166" }""", 20, 160, 300, 60),
            Layer("custom", "overlay.text", """{ "text": "A custom ellipsis cuts this single line short", "maxLines": 1, "ellipsis": " [more]", "font": { "size": 18 }, "color": "#9bf6ff" }""", 20, 228, 300, 30));

    [Fact]
    public void Text_on_a_plate_that_hugs_it_and_follows_its_alignment() =>
        GoldenImage.Check("text-background", 480, 200, Backdrop,
            Layer("tag", "overlay.text", """{ "text": "pixel_painter\n$1,300", "align": "center", "color": "#ffd166", "font": { "size": 30, "weight": 800 }, "background": { "color": "#0b1020e8", "padding": 14, "border": "#ffd16699" } }""", 20, 10, 440, 110),
            Layer("pill", "overlay.text", """{ "text": "NEW BID", "align": "right", "color": "#0b1020", "letterSpacing": 2, "font": { "size": 18, "weight": 800 }, "background": "#2ed573" }""", 20, 140, 440, 50));

    [Fact]
    public void Text_outline_and_blurred_shadow() =>
        GoldenImage.Check("text-outline-shadow", 480, 200, Layer("bg", "background", """{ "color": "#f4f1de" }"""),
            Layer("outlined", "overlay.text", """{ "text": "SOLD!", "color": "#ffffff", "outline": { "color": "#e63946", "width": 4 }, "font": { "size": 64, "weight": 900 } }""", 20, 10, 440, 80),
            Layer("shadowed", "overlay.text", """{ "text": "Soft shadow", "color": "#1d3557", "shadow": { "color": "#00000099", "dx": 4, "dy": 6, "blur": 4 }, "font": { "size": 44, "family": "serif" } }""", 20, 110, 440, 70));

    [Fact]
    public void Arabic_Devanagari_and_emoji_are_shaped_with_fallback_fonts() =>
        GoldenImage.Check("text-scripts", 480, 270, Backdrop,
            Layer("arabic", "overlay.text", """{ "text": "مزاد مباشر الآن", "align": "right", "font": { "size": 34 } }""", 20, 10, 440, 56),
            Layer("devanagari", "overlay.text", """{ "text": "नीलामी शुरू हो गई है", "font": { "size": 30 } }""", 20, 76, 440, 56),
            Layer("emoji", "overlay.text", """{ "text": "Bid now 🔥🎨👍🏽 ❤️ 🇵🇹 👩‍👩‍👧", "font": { "size": 32 } }""", 20, 140, 440, 56),
            Layer("mixed", "overlay.text", """{ "text": "Ligatures: office ffi — Ελληνικά — Кирилл", "font": { "size": 19, "family": "serif" } }""", 20, 212, 440, 40));

    [Fact]
    public void Font_file_shipped_with_the_show_is_used()
    {
        // A show's font file: a copy of an installed font that no generic family picks, outside the font folders.
        using var show = new TempDirectory();
        var file = show.File("Display-BoldItalic.ttf");
        File.Copy("/usr/share/fonts/truetype/noto/NotoSerifDisplay-BoldItalic.ttf", file);
        GoldenImage.Check("text-font-file", 480, 120, Backdrop,
            Layer("file", "overlay.text", $$"""{ "text": "From a font file", "font": { "file": "{{file}}", "size": 48 }, "color": "#ffd166" }""", 20, 20, 440, 80));
    }

    [Theory]
    [InlineData("""{ "text": "x", "maxLines": -1 }""", "props.maxLines: expected a whole number from 0 to 1000")]
    [InlineData("""{ "text": "x", "font": { "size": "big" } }""", "props.font.size: expected a number")]
    [InlineData("""{ "text": "x", "outline": { "color": "reddish" } }""", "props.outline.color: expected a color")]
    [InlineData("""{ "text": "x", "lineHeight": 0 }""", "props.lineHeight: expected a multiple of the font size above 0")]
    [InlineData("""{ "text": "x", "align": "justify" }""", "props.align: expected left, center, right or start")]
    [InlineData("""{ "text": "x", "shadow": 3 }""", "props.shadow: expected a color or { color, dx, dy, blur }")]
    [InlineData("""{ "text": "x", "font": { "file": "missing-font.ttf" } }""", "missing-font.ttf")]
    public void Bad_text_props_show_an_error_naming_the_prop(string props, string error) =>
        Assert.Contains(error, Assert.Single(GoldenImage.Errors(120, 60, Layer("t", "overlay.text", props))).Error);
}
