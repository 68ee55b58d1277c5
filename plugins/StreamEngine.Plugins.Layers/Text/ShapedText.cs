using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>One run of glyphs in a single typeface, positioned relative to the start of its line.</summary>
internal sealed record GlyphRun(SKTypeface Typeface, ushort[] Glyphs, SKPoint[] Positions);

/// <summary>A line of text shaped into glyph runs in visual order (left to right on screen).</summary>
internal sealed record ShapedText(IReadOnlyList<GlyphRun> Runs, float Width)
{
    public static readonly ShapedText Empty = new([], 0);
}
