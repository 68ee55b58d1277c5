using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Draws what a character says: a bubble beside it that pops in, or a lower third (name plate and text bar) that
/// wipes in from the character's side. All text drawing of the character layers is here, so it can move to the shared
/// text layout in one place.
/// </summary>
internal static class SpeechBubble
{
    private const float LineSpacing = 1.25f;

    /// <param name="visibility">0 (not there) to 1 (fully there).</param>
    /// <param name="leaving">Whether it is going away (it fades) rather than coming (it pops or wipes in).</param>
    public static void Draw(SKCanvas canvas, Speech speech, CharacterProps props, CharacterStage stage, double visibility, bool leaving)
    {
        var size = speech.LowerThird ? stage.FontSize * 0.85f : stage.FontSize;
        using var font = new SKFont(FontLibrary.Find("sans", 600, false), size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        if (speech.LowerThird) DrawLowerThird(canvas, speech.Text, props, stage, font, visibility, leaving);
        else DrawBubble(canvas, speech.Text, props.Look, stage, font, visibility, leaving);
    }

    private static void DrawBubble(SKCanvas canvas, string text, CharacterLook look, CharacterStage stage, SKFont font, double visibility, bool leaving)
    {
        var (area, beside) = stage.BubbleArea();
        var pad = font.Size * 0.7f;
        var tail = font.Size * 1.1f;
        var lineHeight = font.Size * LineSpacing;
        var maxLines = Math.Max(1, (int)((area.Height - 2 * pad - (beside ? 0 : tail)) / lineHeight));
        var lines = Wrap(text, font, area.Width - 2 * pad - (beside ? tail : 0), maxLines);
        var width = lines.Max(l => font.MeasureText(l)) + 2 * pad;
        var height = lines.Count * lineHeight + 2 * pad - (lineHeight - font.Size);
        var left = beside ? (stage.OnLeft ? area.Left + tail : area.Right - tail - width)
            : Math.Clamp(stage.Mouth.X - width / 2, area.Left, area.Right - width);
        var bubble = SKRect.Create(left, area.Top, width, height);
        var tip = beside
            ? new SKPoint(stage.OnLeft ? bubble.Left - tail * 0.8f : bubble.Right + tail * 0.8f, bubble.Bottom + tail * 0.6f)
            : new SKPoint(stage.Mouth.X, bubble.Bottom + tail);
        var baseX = beside ? (stage.OnLeft ? bubble.Left + pad : bubble.Right - pad) : Math.Clamp(tip.X, bubble.Left + pad * 1.5f, bubble.Right - pad * 1.5f);

        using var builder = new SKPathBuilder();
        builder.MoveTo(baseX - tail * 0.45f, bubble.Bottom - font.Size * 0.5f);
        builder.LineTo(tip);
        builder.LineTo(baseX + tail * 0.45f, bubble.Bottom - font.Size * 0.5f);
        builder.Close();
        using var tailShape = builder.Detach();

        var scale = leaving ? 0.9f + 0.1f * (float)visibility : 0.6f + 0.4f * (float)Ease.OutBack(visibility);
        canvas.Save();
        canvas.Scale(scale, scale, tip.X, tip.Y);
        using var layerPaint = Fade(leaving ? visibility : Math.Min(1, visibility * 2));
        canvas.SaveLayer(layerPaint);
        // The bubble and its tail are one shape with one shadow: drawn together in a layer that casts it.
        using var shadow = new SKPaint { ImageFilter = SKImageFilter.CreateDropShadow(0, font.Size * 0.15f, font.Size * 0.3f, font.Size * 0.3f, new SKColor(0, 0, 0, 110)) };
        canvas.SaveLayer(shadow);
        using var fill = new SKPaint { Color = look.Bubble, IsAntialias = true };
        canvas.DrawRoundRect(bubble, font.Size * 0.6f, font.Size * 0.6f, fill);
        canvas.DrawPath(tailShape, fill);
        canvas.Restore();
        DrawLines(canvas, lines, font, look.Text, bubble.Left + pad, bubble.Top + pad, lineHeight);
        canvas.Restore();
        canvas.Restore();
    }

    private static void DrawLowerThird(SKCanvas canvas, string text, CharacterProps props, CharacterStage stage, SKFont font, double visibility, bool leaving)
    {
        var look = props.Look;
        var margin = font.Size * 0.5f;
        var pad = font.Size * 0.6f;
        var lineHeight = font.Size * LineSpacing;
        var box = stage.Box;
        var (left, right) = stage.LowerThirdSpan(margin);
        var lines = Wrap(text, font, right - left - 2 * pad - font.Size * 0.3f, 2);
        var height = lines.Count * lineHeight + 2 * pad - (lineHeight - font.Size);
        var bar = new SKRect(left, box.Bottom - margin - height, right, box.Bottom - margin);

        canvas.Save();
        using var layerPaint = Fade(leaving ? visibility : Math.Min(1, visibility * 1.5));
        canvas.SaveLayer(layerPaint);
        if (!leaving)
        {
            // Wipes in from the character's side.
            var reveal = bar.Width * (float)Ease.OutCubic(visibility);
            canvas.ClipRect(look.OnLeft ? new SKRect(box.Left, box.Top, bar.Left + reveal, box.Bottom) : new SKRect(bar.Right - reveal, box.Top, box.Right, box.Bottom));
        }
        using var paint = new SKPaint { IsAntialias = true, Color = look.Bar };
        canvas.DrawRect(bar, paint);
        paint.Color = look.Accent;
        var stripe = font.Size * 0.3f;
        canvas.DrawRect(look.OnLeft ? SKRect.Create(bar.Left, bar.Top, stripe, bar.Height) : SKRect.Create(bar.Right - stripe, bar.Top, stripe, bar.Height), paint);
        DrawLines(canvas, lines, font, look.BarText, bar.Left + pad + (look.OnLeft ? stripe : 0), bar.Top + pad, lineHeight);
        if (props.Name is { Length: > 0 } name) DrawNamePlate(canvas, name.ToUpperInvariant(), look, bar, font);
        canvas.Restore();
        canvas.Restore();
    }

    private static void DrawNamePlate(SKCanvas canvas, string name, CharacterLook look, SKRect bar, SKFont font)
    {
        using var bold = new SKFont(FontLibrary.Find("sans", 800, false), font.Size * 0.75f) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var pad = bold.Size * 0.6f;
        var width = bold.MeasureText(name) + 2 * pad;
        var height = bold.Size * 1.6f;
        var plate = look.OnLeft ? SKRect.Create(bar.Left, bar.Top - height, width, height) : SKRect.Create(bar.Right - width, bar.Top - height, width, height);
        using var paint = new SKPaint { IsAntialias = true, Color = look.Accent };
        canvas.DrawRect(plate, paint);
        paint.Color = look.AccentText;
        canvas.DrawText(name, plate.Left + pad, plate.MidY - (bold.Metrics.Ascent + bold.Metrics.Descent) / 2, SKTextAlign.Left, bold, paint);
    }

    private static void DrawLines(SKCanvas canvas, List<string> lines, SKFont font, SKColor color, float x, float top, float lineHeight)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        var y = top + font.Size * 0.8f; // baseline: cap height below the top, so text sits centred in its line
        foreach (var line in lines)
        {
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }
    }

    /// <summary>Greedy word wrap to <paramref name="maxLines"/>; what does not fit ends the last line with an ellipsis.</summary>
    private static List<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = line.Length == 0 ? words[i] : line + " " + words[i];
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                if (lines.Count == maxLines - 1) return [.. lines, Ellipsize(line + " " + string.Join(' ', words[i..]), font, width)];
                lines.Add(line);
                line = words[i];
            }
            else line = candidate;
        }
        lines.Add(Ellipsize(line, font, width));
        return lines;
    }

    private static string Ellipsize(string line, SKFont font, float width)
    {
        if (font.MeasureText(line) <= width) return line;
        while (line.Length > 1 && font.MeasureText(line + "…") > width) line = line[..^1];
        return line.TrimEnd() + "…";
    }

    private static SKPaint Fade(double opacity) => new() { Color = SKColors.White.WithAlpha((byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255)) };
}
