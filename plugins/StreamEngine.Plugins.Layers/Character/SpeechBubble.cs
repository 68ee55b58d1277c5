using SkiaSharp;
using StreamEngine.Plugins.Layers.Text;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>What a character says, drawn once into an image of its own; each frame only places it (pop, wipe, fade).</summary>
/// <param name="Image">The speech at full size and opacity, shadow included.</param>
/// <param name="Origin">Where the image's top-left goes in the layer's box.</param>
/// <param name="Pivot">A bubble scales about its tail's tip as it pops.</param>
/// <param name="Bar">A lower third's bar, which wipes in from the character's side.</param>
internal sealed record SpeechCard(SKImage Image, SKPoint Origin, SKPoint Pivot, SKRect? Bar, bool FromLeft) : IDisposable
{
    public SKRect Bounds => SKRect.Create(Origin.X, Origin.Y, Image.Width, Image.Height);

    public void Dispose() => Image.Dispose();
}

/// <summary>
/// Draws what a character says: a bubble beside it that pops in, or a lower third (name plate and text bar) that
/// wipes in from the character's side; both fade out. Text is laid out by the shared <see cref="TextBlock"/>, so speech
/// in any script, with emoji, looks as it does in a text layer.
/// </summary>
internal static class SpeechBubble
{
    private const float LineSpacing = 1.25f;
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear);

    /// <summary>Lays out and draws the speech into a new image.</summary>
    public static SpeechCard Render(Speech speech, CharacterProps props, CharacterStage stage)
    {
        var size = speech.LowerThird ? stage.FontSize * 0.85f : stage.FontSize;
        var style = new TextStyle(FontLibrary.Find("sans", 600, false), size, SKColors.White, LineHeight: LineSpacing);
        return speech.LowerThird ? LowerThird(speech.Text, props, stage, style) : Bubble(speech.Text, props.Look, stage, style);
    }

    /// <param name="visibility">0 (not there) to 1 (fully there).</param>
    /// <param name="leaving">Whether it is going away (it fades) rather than coming (it pops or wipes in).</param>
    public static void Draw(SKCanvas canvas, SpeechCard card, double visibility, bool leaving)
    {
        canvas.Save();
        if (card.Bar is { } bar && !leaving)
        {
            var reveal = bar.Width * (float)Ease.OutCubic(visibility);
            var bounds = card.Bounds;
            canvas.ClipRect(card.FromLeft ? new SKRect(bounds.Left, bounds.Top, bar.Left + reveal, bounds.Bottom) : new SKRect(bar.Right - reveal, bounds.Top, bounds.Right, bounds.Bottom));
        }
        else if (card.Bar is null)
        {
            var scale = leaving ? 0.9f + 0.1f * (float)visibility : 0.6f + 0.4f * (float)Ease.OutBack(visibility);
            canvas.Scale(scale, scale, card.Pivot.X, card.Pivot.Y);
        }
        var opacity = leaving ? visibility : Math.Min(1, visibility * (card.Bar is null ? 2 : 1.5));
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255)) };
        canvas.DrawImage(card.Image, card.Origin.X, card.Origin.Y, Sampling, paint);
        canvas.Restore();
    }

    /// <summary>
    /// The bubble lays itself out for its text, so what the audience is meant to read is not cut: it takes more lines,
    /// growing down (beside the figure to the bottom of the box; above it over the top of the figure, where a sprite has
    /// its hair or empty space, never down to the eyes at about half its height), then a smaller type, to 70 %. Only a
    /// text longer than all that allows ends in an ellipsis. (The area above a figure held one line: every answer the
    /// demo's assistant gave was cut after a few words.)
    /// </summary>
    internal static (TextBlock Block, float Size) Fit(string text, TextStyle style, SKRect area, bool beside, CharacterStage stage)
    {
        var bottom = Math.Max(area.Bottom, beside ? stage.Box.Bottom - stage.FontSize * 0.5f : stage.Figure.Top + stage.Figure.Height * 0.4f);
        for (var scale = 1f; ; scale -= 0.1f)
        {
            var size = style.Size * scale;
            var (pad, tail) = (size * 0.7f, size * 1.1f);
            var width = area.Width - 2 * pad - (beside ? tail : 0);
            var lines = Math.Max(1, (int)((bottom - area.Top - 2 * pad - (beside ? 0 : tail)) / (size * LineSpacing)));
            var block = TextBlock.Layout(text, style with { Size = size, MaxLines = 0 }, width);
            if (block.LineCount <= lines) return (block, size);
            if (scale < 0.75f) return (TextBlock.Layout(text, style with { Size = size, MaxLines = lines }, width), size);
        }
    }

    private static SpeechCard Bubble(string text, CharacterLook look, CharacterStage stage, TextStyle style)
    {
        var (area, beside) = stage.BubbleArea();
        var (block, size) = Fit(text, style with { Color = look.Text }, area, beside, stage);
        var pad = size * 0.7f;
        var tail = size * 1.1f;
        var width = block.Width + 2 * pad;
        var height = block.Height + 2 * pad - (block.LineHeight - size);
        var left = beside ? (stage.OnLeft ? area.Left + tail : area.Right - tail - width)
            : Math.Clamp(stage.Mouth.X - width / 2, area.Left, area.Right - width);
        var bubble = SKRect.Create(left, area.Top, width, height);
        var tip = beside
            ? new SKPoint(stage.OnLeft ? bubble.Left - tail * 0.8f : bubble.Right + tail * 0.8f, bubble.Bottom + tail * 0.6f)
            : new SKPoint(stage.Mouth.X, bubble.Bottom + tail);
        var baseX = beside ? (stage.OnLeft ? bubble.Left + pad : bubble.Right - pad) : Math.Clamp(tip.X, bubble.Left + pad * 1.5f, bubble.Right - pad * 1.5f);

        using var builder = new SKPathBuilder();
        builder.MoveTo(baseX - tail * 0.45f, bubble.Bottom - size * 0.5f);
        builder.LineTo(tip);
        builder.LineTo(baseX + tail * 0.45f, bubble.Bottom - size * 0.5f);
        builder.Close();
        using var tailShape = builder.Detach();

        var (blur, drop) = (size * 0.3f, size * 0.15f);
        var bounds = SKRect.Union(bubble, SKRect.Create(tip.X, tip.Y, 0, 0));
        bounds.Inflate(3 * blur + 2, 3 * blur + drop + 2);
        return Paint(bounds, tip, null, stage.OnLeft, canvas =>
        {
            // The bubble and its tail are one shape with one shadow: drawn together in a layer that casts it.
            using var shadow = new SKPaint { ImageFilter = SKImageFilter.CreateDropShadow(0, drop, blur, blur, new SKColor(0, 0, 0, 110)) };
            canvas.SaveLayer(shadow);
            using var fill = new SKPaint { Color = look.Bubble, IsAntialias = true };
            canvas.DrawRoundRect(bubble, size * 0.6f, size * 0.6f, fill);
            canvas.DrawPath(tailShape, fill);
            canvas.Restore();
            block.Draw(canvas, bubble.Left + pad, bubble.Top + pad - (block.LineHeight - size) / 2);
        });
    }

    private static SpeechCard LowerThird(string text, CharacterProps props, CharacterStage stage, TextStyle style)
    {
        var look = props.Look;
        var size = style.Size;
        var margin = size * 0.5f;
        var pad = size * 0.6f;
        var (left, right) = stage.LowerThirdSpan(margin);
        var block = TextBlock.Layout(text, style with { Color = look.BarText, MaxLines = 2 }, right - left - 2 * pad - size * 0.3f);
        var height = block.Height + 2 * pad - (block.LineHeight - size);
        var bar = new SKRect(left, stage.Box.Bottom - margin - height, right, stage.Box.Bottom - margin);
        var name = props.Name is { Length: > 0 } n
            ? TextBlock.Layout(n.ToUpperInvariant(), new TextStyle(FontLibrary.Find("sans", 800, false), size * 0.75f, look.AccentText, LineHeight: 1, MaxLines: 1), float.PositiveInfinity)
            : null;
        var plate = name is null ? SKRect.Empty : NamePlate(name, size * 0.75f, bar, look.OnLeft);
        var bounds = plate.IsEmpty ? bar : SKRect.Union(bar, plate);
        var (blur, drop) = (size * 0.25f, size * 0.12f);
        bounds.Inflate(3 * blur + 2, 3 * blur + drop + 2);
        return Paint(bounds, default, bar, look.OnLeft, canvas =>
        {
            using var paint = new SKPaint { IsAntialias = true, Color = look.Bar };
            paint.ImageFilter = SKImageFilter.CreateDropShadow(0, drop, blur, blur, new SKColor(0, 0, 0, 120));
            canvas.DrawRect(bar, paint);
            paint.ImageFilter = null;
            paint.Color = look.Accent;
            var stripe = size * 0.3f;
            canvas.DrawRect(look.OnLeft ? SKRect.Create(bar.Left, bar.Top, stripe, bar.Height) : SKRect.Create(bar.Right - stripe, bar.Top, stripe, bar.Height), paint);
            block.Draw(canvas, bar.Left + pad + (look.OnLeft ? stripe : 0), bar.Top + pad - (block.LineHeight - size) / 2);
            if (name is null) return;
            canvas.DrawRect(plate, paint);
            name.Draw(canvas, plate.Left + size * 0.45f, plate.MidY - name.Height / 2);
        });
    }

    /// <summary>The name plate sits on the bar's top edge, at the character's end.</summary>
    private static SKRect NamePlate(TextBlock name, float nameSize, SKRect bar, bool onLeft)
    {
        var width = name.Width + 1.2f * nameSize;
        var height = nameSize * 1.6f;
        return onLeft ? SKRect.Create(bar.Left, bar.Top - height, width, height) : SKRect.Create(bar.Right - width, bar.Top - height, width, height);
    }

    /// <summary>Draws into an image covering <paramref name="bounds"/> (in box coordinates, rounded out to whole pixels).</summary>
    private static SpeechCard Paint(SKRect bounds, SKPoint pivot, SKRect? bar, bool fromLeft, Action<SKCanvas> draw)
    {
        var pixels = SKRectI.Ceiling(bounds, outwards: true);
        using var surface = SKSurface.Create(new SKImageInfo(Math.Max(1, pixels.Width), Math.Max(1, pixels.Height), SKColorType.Bgra8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.Translate(-pixels.Left, -pixels.Top);
        draw(surface.Canvas);
        return new SpeechCard(surface.Snapshot(), new SKPoint(pixels.Left, pixels.Top), pivot, bar, fromLeft);
    }
}
