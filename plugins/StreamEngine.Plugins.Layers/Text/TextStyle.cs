using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>How a block of text looks and is laid out.</summary>
/// <param name="Typeface">The chosen typeface; characters it lacks fall back to an installed font that has them.</param>
/// <param name="Size">Font size in pixels.</param>
/// <param name="Color">Fill color.</param>
/// <param name="Align">Horizontal alignment of each line within the layout width.</param>
/// <param name="LineHeight">Distance between baselines, as a multiple of the size.</param>
/// <param name="LetterSpacing">Extra pixels after each character.</param>
/// <param name="MaxLines">Lines shown at most (0: no limit); cut text ends with <paramref name="Ellipsis"/>.</param>
/// <param name="Ellipsis">What ends text cut by <paramref name="MaxLines"/>.</param>
/// <param name="Outline">A stroke drawn around the glyphs, under the fill.</param>
/// <param name="Shadow">A shadow drawn under everything.</param>
internal sealed record TextStyle(
    SKTypeface Typeface,
    float Size,
    SKColor Color,
    TextAlign Align = TextAlign.Left,
    float LineHeight = 1.2f,
    float LetterSpacing = 0,
    int MaxLines = 0,
    string Ellipsis = "…",
    TextOutline? Outline = null,
    TextShadow? Shadow = null);

/// <summary>Horizontal alignment; <see cref="Start"/> is left for left-to-right lines and right for right-to-left ones.</summary>
internal enum TextAlign { Left, Center, Right, Start }

/// <param name="Color">Stroke color.</param>
/// <param name="Width">Pixels the outline extends beyond the glyph edge.</param>
internal sealed record TextOutline(SKColor Color, float Width);

/// <param name="Color">Shadow color.</param>
/// <param name="Dx">Horizontal offset in pixels.</param>
/// <param name="Dy">Vertical offset in pixels.</param>
/// <param name="Blur">Blur radius (sigma) in pixels; 0 for a hard shadow.</param>
internal sealed record TextShadow(SKColor Color, float Dx, float Dy, float Blur);
