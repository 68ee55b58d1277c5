using System.Diagnostics;
using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Animation;

/// <summary>
/// Turns <see cref="EffectSpec"/>s into the tweens they stand for. Values that depend on the layer (where a slide ends,
/// the opacity a fade-out starts from) are read when the effect starts, as a tween's missing <c>from</c> is.
/// </summary>
internal static class EffectPresets
{
    private static readonly string[] Effects = ["fadeIn", "fadeOut", "scaleIn", "scaleOut", "rotate", "slideIn", "slideOut"];

    /// <summary>The spec with every effect in it (itself, or a child of a group at any depth) replaced by its tween.</summary>
    public static AnimationSpec ExpandAll(AnimationSpec spec, SceneGraph scene, string path)
    {
        if (spec is EffectSpec effect) return Expand(effect, scene, path);
        if (spec is GroupSpec group)
            for (var i = 0; i < group.Children.Count; i++) group.Children[i] = ExpandAll(group.Children[i], scene, $"{path}.children[{i}]");
        return spec;
    }

    public static TweenSpec Expand(EffectSpec effect, SceneGraph scene, string path)
    {
        if (string.IsNullOrEmpty(effect.Target)) throw new FormatException($"{path}.target: expected the id of a layer");
        var layer = scene.Find(effect.Target)?.State ?? throw new FormatException($"{path}.target: layer '{effect.Target}' does not exist");
        if (!Effects.Contains(effect.Effect)) throw new FormatException($"{path}.effect: expected {string.Join(", ", Effects[..^1])} or {Effects[^1]}, got '{effect.Effect}'");
        if (effect.Duration < 0) throw new FormatException($"{path}.duration: expected seconds >= 0, got {effect.Duration}");
        if (effect.Effect is not "slideIn" && effect.From is not null) throw new FormatException($"{path}.from: only slideIn takes a side to come from");
        if (effect.Effect is not "slideOut" && effect.To is not null) throw new FormatException($"{path}.to: only slideOut takes a side to leave to");
        if (effect.Effect is not ("slideIn" or "slideOut") && effect.Distance is not null) throw new FormatException($"{path}.distance: only slideIn and slideOut take a distance");
        if (effect.Effect is not "rotate" && effect.Degrees is not null) throw new FormatException($"{path}.degrees: only rotate takes degrees");
        var tween = effect.Effect switch
        {
            "fadeIn" => Tween("opacity", 0, 1, "easeOutCubic"),
            "fadeOut" => Tween("opacity", null, 0, "easeInCubic"),
            "scaleIn" => Tween("scale", 0, 1, "easeOutBack"),
            "scaleOut" => Tween("scale", null, 0, "easeInCubic"),
            "rotate" => new TweenSpec { Property = "rotation", By = effect.Degrees ?? 360, Easing = "easeInOutCubic" },
            "slideIn" => SlideIn(effect, layer, path),
            "slideOut" => SlideOut(effect, layer, path),
            _ => throw new UnreachableException(effect.Effect),
        };
        tween.Target = effect.Target;
        tween.Duration = effect.Duration;
        tween.Easing = effect.Easing ?? tween.Easing;
        (tween.Id, tween.Delay, tween.Label, tween.Repeat, tween.PingPong) = (effect.Id, effect.Delay, effect.Label, effect.Repeat, effect.PingPong);
        (tween.Start, tween.Speed, tween.Policy, tween.BlendDuration, tween.Playback) = (effect.Start, effect.Speed, effect.Policy, effect.BlendDuration, effect.Playback);
        return tween;
    }

    private static TweenSpec Tween(string property, double? from, double to, string easing) =>
        new() { Property = property, From = from is { } f ? JsonValue.Create(f) : null, To = JsonValue.Create(to), Easing = easing };

    /// <summary>From the side, offset by the distance, to where the layer is now.</summary>
    private static TweenSpec SlideIn(EffectSpec effect, Sdk.LayerState layer, string path)
    {
        var (property, offset) = Offset(effect.From, "from", effect, layer, path);
        var at = property == "x" ? layer.Transform.X : layer.Transform.Y;
        return Tween(property, at + offset, at, "easeOutCubic");
    }

    /// <summary>From where the layer is when it starts, by the distance towards the side.</summary>
    private static TweenSpec SlideOut(EffectSpec effect, Sdk.LayerState layer, string path)
    {
        var (property, offset) = Offset(effect.To, "to", effect, layer, path);
        return new TweenSpec { Property = property, By = offset, Easing = "easeInCubic" };
    }

    /// <summary>The property a side moves and the signed offset towards that side.</summary>
    private static (string Property, double Offset) Offset(string? side, string field, EffectSpec effect, Sdk.LayerState layer, string path)
    {
        var (property, sign, size) = side switch
        {
            "left" => ("x", -1, layer.Transform.Width),
            "right" => ("x", 1, layer.Transform.Width),
            "top" => ("y", -1, layer.Transform.Height),
            "bottom" => ("y", 1, layer.Transform.Height),
            _ => throw new FormatException($"{path}.{field}: expected left, right, top or bottom, got {(side is null ? "nothing" : $"'{side}'")}"),
        };
        var distance = effect.Distance ?? size;
        if (distance <= 0 || !double.IsFinite(distance))
            throw new FormatException(effect.Distance is null
                ? $"{path}.distance: layer '{layer.Id}' has no {(property == "x" ? "width" : "height")} to slide by; give a distance in pixels"
                : $"{path}.distance: expected pixels > 0, got {distance}");
        return (property, sign * distance);
    }
}
