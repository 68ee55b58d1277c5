using System.Collections.Concurrent;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>
/// Picks, for a character the chosen typeface lacks, an installed typeface that has it. Skia's fallback relies on
/// the system font configuration, which the engine's Skia build does not read, so the choice is made here: the
/// installed fonts are searched in a fixed order (the same family style first, then the closest weight and slant,
/// then by path), so a render is the same on every machine with the same fonts.
/// </summary>
internal static class FontFallback
{
    private static readonly ConcurrentDictionary<(SKTypeface Primary, int Codepoint, bool Emoji), SKTypeface> Chosen = new();
    private static readonly ConcurrentDictionary<SKTypeface, SKFont> Fonts = new();

    /// <summary>
    /// The typeface to draw a grapheme (one user-perceived character: a letter with its marks, an emoji sequence) with:
    /// the primary one when it has the glyph, except that emoji prefer a color emoji font.
    /// </summary>
    public static SKTypeface For(SKTypeface primary, ReadOnlySpan<char> grapheme)
    {
        System.Text.Rune.DecodeFromUtf16(grapheme, out var rune, out _);
        var codepoint = rune.Value;
        var emoji = IsEmoji(codepoint, grapheme);
        if (!emoji && Has(primary, codepoint)) return primary;
        return Chosen.GetOrAdd((primary, codepoint, emoji), key => Find(key.Primary, key.Codepoint, key.Emoji));
    }

    public static bool IsEmojiFont(SKTypeface typeface) => typeface.FamilyName.Contains("Emoji", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pictographs, and any character asking for emoji presentation (U+FE0F).</summary>
    private static bool IsEmoji(int codepoint, ReadOnlySpan<char> grapheme) =>
        codepoint is >= 0x1F000 and <= 0x1FAFF || grapheme.Contains('\uFE0F');

    private static SKTypeface Find(SKTypeface primary, int codepoint, bool emoji)
    {
        var style = emoji ? "Emoji" : StyleWord(primary.FamilyName);
        var candidates = FontLibrary.All.Where(t => Has(t, codepoint)).ToList();
        if (candidates.Count == 0) return primary;
        if (candidates.Contains(primary) && !emoji) return primary;
        var weight = primary.FontStyle.Weight;
        var italic = primary.FontStyle.Slant != SKFontStyleSlant.Upright;
        return candidates
            .OrderBy(t => t.FamilyName.Contains(style, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => t.FamilyName.Contains(" UI", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(t => (t.FontStyle.Slant != SKFontStyleSlant.Upright) == italic ? 0 : 1)
            .ThenBy(t => Math.Abs(t.FontStyle.Weight - weight))
            .ThenBy(t => t.FontStyle.Width == (int)SKFontStyleWidth.Normal ? 0 : 1)
            .First();
    }

    // A character no typeface has been asked about is searched across every installed font on the frame thread: each
    // check is a cmap lookup on a font object made once per typeface, not a new one each time.
    private static bool Has(SKTypeface typeface, int codepoint) => Fonts.GetOrAdd(typeface, t => new SKFont(t)).ContainsGlyph(codepoint);

    /// <summary>Serif text falls back to serif fonts, monospaced to mono, everything else to sans.</summary>
    private static string StyleWord(string family) =>
        family.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? "Mono"
        : family.Contains("Serif", StringComparison.OrdinalIgnoreCase) ? "Serif"
        : "Sans";
}
