namespace StreamEngine.Core.Animation;

/// <summary>
/// A ready-made overlay effect on one layer: fade, scale, rotate or slide it in or out. It is a preset: when it starts
/// it becomes a plain tween (see <see cref="EffectPresets"/>), so it plays, saves, restores and raises events exactly
/// like one.
/// </summary>
public sealed class EffectSpec : AnimationSpec
{
    /// <summary>Id of the layer.</summary>
    public string Target { get; set; } = "";

    /// <summary><c>fadeIn</c>, <c>fadeOut</c>, <c>scaleIn</c>, <c>scaleOut</c>, <c>rotate</c>, <c>slideIn</c> or <c>slideOut</c>.</summary>
    public string Effect { get; set; } = "";

    /// <summary>slideIn: the side it comes in from (<c>left</c>, <c>right</c>, <c>top</c>, <c>bottom</c>).</summary>
    public string? From { get; set; }

    /// <summary>slideOut: the side it leaves to (<c>left</c>, <c>right</c>, <c>top</c>, <c>bottom</c>).</summary>
    public string? To { get; set; }

    /// <summary>Slides: pixels travelled; default the layer's width (left, right) or height (top, bottom).</summary>
    public double? Distance { get; set; }

    /// <summary>rotate: degrees turned, clockwise; default 360.</summary>
    public double? Degrees { get; set; }

    public double Duration { get; set; } = 0.5;

    /// <summary>Default: <c>easeOutCubic</c> coming in, <c>easeInCubic</c> going out, <c>easeOutBack</c> for scaleIn, <c>easeInOutCubic</c> for rotate.</summary>
    public string? Easing { get; set; }
}
