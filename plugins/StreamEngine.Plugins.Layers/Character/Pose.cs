using SkiaSharp;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>Draws a character's pose (a sprite frame already scaled to the figure), and the two ways one pose gives way to another.</summary>
internal static class Pose
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear);

    /// <summary>The pose at the figure's place, moved down by <paramref name="drop"/> pixels, at an opacity.</summary>
    public static void Draw(SKCanvas canvas, SKImage pose, SKRectI figure, double opacity, float drop, SKBlendMode blend = SKBlendMode.SrcOver)
    {
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255)), BlendMode = blend };
        canvas.DrawImage(pose, figure.Left, figure.Top + drop, Sampling, paint);
    }

    /// <summary>
    /// A dissolve: old × (1 − p) + new × p, added in a layer of its own, so a pose that covers the same pixels stays
    /// opaque all the way through instead of going see-through in the middle.
    /// </summary>
    public static void Dissolve(SKCanvas canvas, SKImage from, SKImage to, SKRectI figure, double progress)
    {
        var p = Ease.InOutCubic(progress);
        canvas.SaveLayer(figure, null);
        Draw(canvas, from, figure, 1 - p, 0);
        Draw(canvas, to, figure, p, 0, SKBlendMode.Plus);
        canvas.Restore();
    }

    /// <summary>The old pose ducks out through the bottom of the box in the first half, the new one rises in the second.</summary>
    public static void Swap(SKCanvas canvas, SKImage from, SKImage to, SKRectI figure, SKRect box, double progress)
    {
        var distance = box.Bottom - figure.Top;
        canvas.Save();
        canvas.ClipRect(box);
        if (progress < 0.5) Draw(canvas, from, figure, 1, (float)(Ease.InCubic(progress * 2) * distance));
        else Draw(canvas, to, figure, 1, (float)((1 - Ease.OutCubic(progress * 2 - 1)) * distance));
        canvas.Restore();
    }
}

/// <summary>The few easing curves the character uses for its own animations (the show's easings live in a plugin of their own).</summary>
internal static class Ease
{
    public static double InCubic(double t) => t * t * t;

    public static double OutCubic(double t) => 1 - Math.Pow(1 - t, 3);

    public static double InOutCubic(double t) => t < 0.5 ? 4 * t * t * t : 1 - Math.Pow(-2 * t + 2, 3) / 2;

    /// <summary>Overshoots a little and settles: a pop.</summary>
    public static double OutBack(double t) => 1 + 2.70158 * Math.Pow(t - 1, 3) + 1.70158 * Math.Pow(t - 1, 2);
}
