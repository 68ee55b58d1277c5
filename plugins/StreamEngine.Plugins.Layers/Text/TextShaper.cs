using System.Collections.Concurrent;
using System.Globalization;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>
/// Shapes a line of text with HarfBuzz: ligatures, kerning, Arabic joining, Indic reordering and emoji sequences come
/// out as positioned glyphs. The text is split into runs by the typeface that has each character (see
/// <see cref="FontFallback"/>); each run is shaped in its own script and direction. Runs are placed in reading order
/// of the line's first strong character (a right-to-left line places its runs from the right); a full bidirectional
/// reordering of mixed-direction lines is not done.
/// </summary>
internal static class TextShaper
{
    private static readonly ConcurrentDictionary<SKTypeface, SKShaper> Shapers = new();

    /// <summary>
    /// A shaper holds HarfBuzz objects whose native side keeps GC handles to this plugin's code: they are disposed when
    /// the plugin is unloaded (a hot reload), or its load context could never be collected.
    /// </summary>
    static TextShaper() =>
        System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(TextShaper).Assembly)!.Unloading += _ => DisposeShapers();

    private static void DisposeShapers()
    {
        foreach (var shaper in Shapers.Values) shaper.Dispose();
        Shapers.Clear();
    }

    public static ShapedText Shape(string text, TextStyle style)
    {
        if (text.Length == 0) return ShapedText.Empty;
        var runs = new List<GlyphRun>();
        var x = 0f;
        var pieces = FontRuns(text, style.Typeface);
        var rightToLeft = IsRightToLeft(text);
        if (rightToLeft) pieces.Reverse();
        foreach (var (typeface, start, length) in pieces)
        {
            var run = ShapeRun(text, start, length, typeface, style, x, out var width);
            if (run.Glyphs.Length > 0) runs.Add(run);
            x += width;
        }
        return new ShapedText(runs, x, rightToLeft);
    }

    private static GlyphRun ShapeRun(string text, int start, int length, SKTypeface typeface, TextStyle style, float x, out float width)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text, start, length);
        buffer.GuessSegmentProperties();
        using var font = new SKFont(typeface, style.Size);
        var result = Shapers.GetOrAdd(typeface, t => new SKShaper(t)).Shape(buffer, x, 0, font);
        var glyphs = new ushort[result.Codepoints.Length];
        var positions = new SKPoint[glyphs.Length];
        var spacing = 0f;
        for (var i = 0; i < glyphs.Length; i++)
        {
            // Spacing goes between characters, not between a letter and its marks (one cluster).
            if (i > 0 && result.Clusters[i] != result.Clusters[i - 1]) spacing += style.LetterSpacing;
            glyphs[i] = (ushort)result.Codepoints[i];
            positions[i] = result.Points[i] + new SKPoint(spacing, 0);
        }
        width = result.Width + (glyphs.Length > 0 ? spacing + style.LetterSpacing : 0);
        return new GlyphRun(typeface, glyphs, positions);
    }

    /// <summary>Consecutive graphemes drawn with the same typeface.</summary>
    private static List<(SKTypeface Typeface, int Start, int Length)> FontRuns(string text, SKTypeface primary)
    {
        var runs = new List<(SKTypeface Typeface, int Start, int Length)>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var start = elements.ElementIndex;
            var grapheme = text.AsSpan(start, ((string)elements.Current).Length);
            // A space between words of one script stays in their run (Arabic words keep their order); after an emoji it is the text's.
            var typeface = runs.Count > 0 && grapheme is " " && !FontFallback.IsEmojiFont(runs[^1].Typeface) ? runs[^1].Typeface : FontFallback.For(primary, grapheme);
            if (runs.Count > 0 && runs[^1].Typeface == typeface)
                runs[^1] = runs[^1] with { Length = runs[^1].Length + grapheme.Length };
            else
                runs.Add((typeface, start, grapheme.Length));
        }
        return runs;
    }

    /// <summary>Whether the first strong character is from a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko …).</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF)
                return true;
            if (System.Text.Rune.IsLetter(rune)) return false;
        }
        return false;
    }
}
