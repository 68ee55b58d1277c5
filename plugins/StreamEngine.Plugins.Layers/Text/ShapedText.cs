using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>One run of glyphs in a single typeface, positioned relative to the start of its line.</summary>
internal sealed record GlyphRun(SKTypeface Typeface, ushort[] Glyphs, SKPoint[] Positions);

/// <summary>A line of text shaped into glyph runs in visual order (left to right on screen).</summary>
/// <param name="Runs">The runs, left to right.</param>
/// <param name="Width">Advance width of the line.</param>
/// <param name="RightToLeft">Whether the line reads right to left (its first strong character is Arabic, Hebrew …).</param>
internal sealed record ShapedText(IReadOnlyList<GlyphRun> Runs, float Width, bool RightToLeft)
{
    public static readonly ShapedText Empty = new([], 0, false);
}
