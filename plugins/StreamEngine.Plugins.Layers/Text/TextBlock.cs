using System.Globalization;
using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Text;

/// <summary>
/// Text laid out for drawing: shaped (<see cref="TextShaper"/>), wrapped at spaces to a width (a word longer than the
/// width breaks between characters), cut to <see cref="TextStyle.MaxLines"/> with an ellipsis. Shared by every layer
/// that draws text (overlay text, chat messages, speech bubbles), so text looks the same everywhere.
/// </summary>
internal sealed class TextBlock
{
    private readonly TextStyle _style;
    private readonly IReadOnlyList<ShapedText> _lines;
    private readonly float _baseline;

    private TextBlock(TextStyle style, IReadOnlyList<ShapedText> lines, float layoutWidth)
    {
        _style = style;
        _lines = lines;
        using var font = new SKFont(style.Typeface, style.Size);
        var metrics = font.Metrics;
        LineHeight = style.Size * style.LineHeight;
        // Half the leading above each line, as CSS does, so a line sits in the middle of its line box.
        _baseline = (LineHeight - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
        Width = lines.Count == 0 ? 0 : lines.Max(l => l.Width);
        LayoutWidth = float.IsFinite(layoutWidth) ? layoutWidth : Width;
    }

    /// <summary>Width of the widest line.</summary>
    public float Width { get; }

    /// <summary>The width lines are aligned in: the maximum width given, or <see cref="Width"/> when there was none.</summary>
    public float LayoutWidth { get; }

    public float LineHeight { get; }

    public int LineCount => _lines.Count;

    /// <summary>Height of all lines.</summary>
    public float Height => _lines.Count * LineHeight;

    /// <summary>Lays out <paramref name="text"/>; <paramref name="maxWidth"/> may be infinite (no wrapping).</summary>
    public static TextBlock Layout(string text, TextStyle style, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            lines.AddRange(Wrap(paragraph, style, maxWidth));
        if (style.MaxLines > 0 && lines.Count > style.MaxLines)
        {
            lines.RemoveRange(style.MaxLines, lines.Count - style.MaxLines);
            lines[^1] = Ellipsize(lines[^1], style, maxWidth);
        }
        return new TextBlock(style, lines.Select(l => TextShaper.Shape(l, style)).ToList(), maxWidth);
    }

    /// <summary>Draws the block with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Draw(SKCanvas canvas, float x, float y, byte alpha = 255)
    {
        using var fill = new SKPaint { Color = Fade(_style.Color, alpha), IsAntialias = true };
        using var outline = _style.Outline is { } o ? Stroke(Fade(o.Color, alpha), o.Width * 2) : null;
        using var shadow = _style.Shadow is { } s ? Stroke(Fade(s.Color, alpha), (_style.Outline?.Width ?? 0) * 2) : null;
        if (shadow is not null && _style.Shadow!.Blur > 0) shadow.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, _style.Shadow.Blur);
        for (var i = 0; i < _lines.Count; i++)
        {
            using var blob = Blob(_lines[i]);
            if (blob is null) continue;
            var left = x + _style.Align switch
            {
                TextAlign.Center => (LayoutWidth - _lines[i].Width) / 2,
                TextAlign.Right => LayoutWidth - _lines[i].Width,
                TextAlign.Start when _lines[i].RightToLeft => LayoutWidth - _lines[i].Width,
                _ => 0,
            };
            var baseline = y + i * LineHeight + _baseline;
            if (shadow is not null) canvas.DrawText(blob, left + _style.Shadow!.Dx, baseline + _style.Shadow.Dy, shadow);
            if (outline is not null) canvas.DrawText(blob, left, baseline, outline);
            canvas.DrawText(blob, left, baseline, fill);
        }
    }

    private SKTextBlob? Blob(ShapedText line)
    {
        if (line.Runs.Count == 0) return null;
        using var builder = new SKTextBlobBuilder();
        foreach (var run in line.Runs)
        {
            using var font = new SKFont(run.Typeface, _style.Size) { Edging = SKFontEdging.Antialias, Subpixel = true };
            builder.AddPositionedRun(run.Glyphs, font, run.Positions);
        }
        return builder.Build();
    }

    private static SKPaint Stroke(SKColor color, float width) => new()
    {
        Color = color, IsAntialias = true, StrokeWidth = width, StrokeJoin = SKStrokeJoin.Round,
        Style = width > 0 ? SKPaintStyle.StrokeAndFill : SKPaintStyle.Fill,
    };

    private static SKColor Fade(SKColor color, byte alpha) => color.WithAlpha((byte)(color.Alpha * alpha / 255));

    /// <summary>Greedy wrapping at spaces, measuring each word once.</summary>
    private static IEnumerable<string> Wrap(string paragraph, TextStyle style, float maxWidth)
    {
        if (!float.IsFinite(maxWidth)) { yield return paragraph; yield break; }
        var space = TextShaper.Shape(" ", style).Width;
        var line = "";
        var width = 0f;
        foreach (var word in paragraph.Split(' '))
        {
            var wordWidth = TextShaper.Shape(word, style).Width;
            if (line.Length > 0 && width + space + wordWidth > maxWidth)
            {
                yield return line;
                (line, width) = ("", 0f);
            }
            (line, width) = line.Length == 0 ? (word, wordWidth) : ($"{line} {word}", width + space + wordWidth);
            while (width > maxWidth && Graphemes(line).Count > 1)
            {
                var head = LongestFitting(line, style, maxWidth, "");
                yield return head;
                line = line[head.Length..];
                width = TextShaper.Shape(line, style).Width;
            }
        }
        yield return line;
    }

    /// <summary>The line cut so that it and the ellipsis fit the width.</summary>
    private static string Ellipsize(string line, TextStyle style, float maxWidth)
    {
        if (!float.IsFinite(maxWidth)) return line.TrimEnd() + style.Ellipsis;
        return LongestFitting(line, style, maxWidth, style.Ellipsis).TrimEnd() + style.Ellipsis;
    }

    /// <summary>The longest run of whole graphemes from the start of <paramref name="text"/> that fits with <paramref name="suffix"/> (at least one).</summary>
    private static string LongestFitting(string text, TextStyle style, float maxWidth, string suffix)
    {
        var ends = Graphemes(text);
        var (low, high) = (1, ends.Count);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (TextShaper.Shape(text[..ends[mid - 1]].TrimEnd() + suffix, style).Width <= maxWidth) low = mid; else high = mid - 1;
        }
        return text[..ends[low - 1]];
    }

    /// <summary>End index of each grapheme of the text.</summary>
    private static List<int> Graphemes(string text)
    {
        var ends = new List<int>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) ends.Add(elements.ElementIndex + ((string)elements.Current).Length);
        return ends;
    }
}
