using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Where things go in the layer's box: the figure stands at the bottom, on its side, as tall as the box (narrower
/// boxes shrink it), on whole pixels so that drawing it is a copy; the speech bubble takes the space beside it, or
/// above it when there is too little; the lower third runs from the figure to the far side.
/// </summary>
internal readonly record struct CharacterStage(SKRect Box, SKRectI Figure, bool OnLeft)
{
    public static CharacterStage Place(SKRect box, SKSize frame, bool onLeft)
    {
        var scale = Math.Min(box.Width / frame.Width, box.Height / frame.Height);
        var (w, h) = (Math.Max(1, (int)Math.Round(frame.Width * scale)), Math.Max(1, (int)Math.Round(frame.Height * scale)));
        var x = (int)Math.Round(onLeft ? box.Left : box.Right - w);
        return new CharacterStage(box, SKRectI.Create(x, (int)Math.Round(box.Bottom) - h, w, h), onLeft);
    }

    /// <summary>Text size that reads at this box's size.</summary>
    public float FontSize => Math.Clamp(Box.Height * 0.075f, 12, 44);

    /// <summary>Where the bubble's tail points: beside the figure's mouth, on the side the bubble is.</summary>
    public SKPoint Mouth => new(Figure.Left + Figure.Width * (OnLeft ? 0.72f : 0.28f), Figure.Top + Figure.Height * 0.5f);

    /// <summary>The space for a bubble: beside the figure when it is wide enough, otherwise over the top of the box.</summary>
    public (SKRect Area, bool Beside) BubbleArea()
    {
        var margin = FontSize * 0.5f;
        var overlap = Figure.Width * 0.12f;
        var beside = OnLeft
            ? new SKRect(Figure.Right - overlap, Box.Top + margin, Box.Right - margin, Box.Top + Box.Height * 0.62f)
            : new SKRect(Box.Left + margin, Box.Top + margin, Figure.Left + overlap, Box.Top + Box.Height * 0.62f);
        return beside.Width >= Math.Max(FontSize * 7, Box.Width * 0.3f)
            ? (beside, true)
            : (new SKRect(Box.Left + margin, Box.Top + margin, Box.Right - margin, Figure.Top + Figure.Height * 0.3f), false);
    }

    /// <summary>
    /// Left and right of the lower third: from the figure's front edge (it stands at the end of the bar, as a presenter
    /// beside a caption) to the far side of the box, or the whole box when that leaves too little room.
    /// </summary>
    public (float Left, float Right) LowerThirdSpan(float margin)
    {
        var inset = Figure.Width * 0.15f;
        var (left, right) = OnLeft ? (Figure.Right - inset, Box.Right - margin) : (Box.Left + margin, Figure.Left + inset);
        return right - left >= Box.Width * 0.4f ? (left, right) : (Box.Left + margin, Box.Right - margin);
    }
}
