using SkiaSharp;
using StreamEngine.Sdk.Animation;

namespace StreamEngine.Core.Rendering;

/// <summary>How the frame changes from one scene to the next.</summary>
public enum TransitionKind
{
    /// <summary>At once.</summary>
    Cut,

    /// <summary>The old frame fades out over the new scene (frame blending).</summary>
    Crossfade,

    /// <summary>The new scene pushes the old one out to the left.</summary>
    Slide,

    /// <summary>An edge moves from left to right, uncovering the new scene.</summary>
    Wipe,
}

/// <summary>A scene change: its kind, length in seconds and easing.</summary>
public sealed record SceneTransition(TransitionKind Kind, double Duration, IEasing Easing);

/// <summary>A transition in progress: the last frame of the old scene, drawn over or beside the new one.</summary>
internal sealed class ActiveTransition(SceneTransition transition, SKImage outgoing, double start) : IDisposable
{
    private readonly SKPaint _paint = new();

    public bool IsOverAt(double time) => time >= start + transition.Duration;

    /// <summary>Eased progress at <paramref name="time"/>.</summary>
    public float Progress(double time) =>
        (float)transition.Easing.Ease(Math.Clamp((time - start) / transition.Duration, 0, 1));

    /// <summary>Where the new scene is drawn (a slide moves it in from the right).</summary>
    public float NewSceneOffset(float progress, int width) => transition.Kind == TransitionKind.Slide ? (1 - progress) * width : 0;

    public void DrawOutgoing(SKCanvas canvas, float progress, SKSizeI size)
    {
        switch (transition.Kind)
        {
            case TransitionKind.Crossfade:
                _paint.Color = SKColors.White.WithAlpha((byte)Math.Round((1 - progress) * 255));
                canvas.DrawImage(outgoing, 0, 0, SKSamplingOptions.Default, _paint);
                break;
            case TransitionKind.Slide:
                canvas.DrawImage(outgoing, -progress * size.Width, 0, new SKSamplingOptions(SKFilterMode.Linear));
                break;
            case TransitionKind.Wipe:
                var edge = progress * size.Width;
                var uncovered = SKRect.Create(edge, 0, size.Width - edge, size.Height);
                canvas.DrawImage(outgoing, uncovered, uncovered, SKSamplingOptions.Default);
                break;
        }
    }

    public void Dispose()
    {
        outgoing.Dispose();
        _paint.Dispose();
    }
}
