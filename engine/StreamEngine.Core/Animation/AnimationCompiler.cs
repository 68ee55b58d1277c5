using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Animation;

/// <summary>Turns a spec into nodes, checking it: every problem is a <see cref="FormatException"/> naming the node and field.</summary>
internal sealed class AnimationCompiler(IEasingCatalog easings, SceneGraph scene)
{
    public AnimationNode Compile(AnimationSpec spec, string path = "animation")
    {
        if (spec.Repeat < -1) throw Bad(path, "repeat", "-1 (for ever) or a number of extra plays >= 0", spec.Repeat);
        return spec switch
        {
            GroupSpec group => new GroupNode(group, [.. group.Children.Select((c, i) => Compile(c, $"{path}.children[{i}]"))]),
            TweenSpec tween => Tween(tween, path),
            KeyframesSpec keyframes => Keyframes(keyframes, path),
            PathSpec motion => new PathNode(Checked(motion, path), new PathMotion(motion), Easing(motion.Easing, path)),
            SpringSpec spring => Spring(spring, path),
            EffectSpec effect => Compile(EffectPresets.Expand(effect, scene, path), path),
            _ => throw new FormatException($"{path}: unknown kind"),
        };
    }

    private TweenNode Tween(TweenSpec spec, string path)
    {
        var property = Leaf(spec, path);
        if (spec.Duration < 0) throw Bad(path, "duration", "seconds >= 0", spec.Duration);
        if (spec.To is null && spec.By is null) throw new FormatException($"{path}: expected \"to\" or \"by\"");
        return new TweenNode(spec, property, Easing(spec.Easing, path));
    }

    private KeyframesNode Keyframes(KeyframesSpec spec, string path)
    {
        var property = Leaf(spec, path);
        var frames = spec.Keyframes;
        if (frames.Count == 0) throw new FormatException($"{path}.keyframes: expected at least one keyframe");
        for (var i = 1; i < frames.Count; i++)
            if (frames[i].At < frames[i - 1].At) throw new FormatException($"{path}.keyframes[{i}].at: {frames[i].At} comes before the previous keyframe ({frames[i - 1].At}); expected times in order");
        return new KeyframesNode(spec, property, [.. frames.Select((k, i) => Easing(k.Easing ?? spec.Easing, $"{path}.keyframes[{i}]"))]);
    }

    private SpringNode Spring(SpringSpec spec, string path)
    {
        var property = Leaf(spec, path);
        if (spec.RestDelta <= 0 || spec.RestSpeed <= 0) throw new FormatException($"{path}: restDelta and restSpeed must be > 0");
        var from = spec.From ??= ReadNumber(spec, property, path);
        try { return new SpringNode(spec, property, from); }
        catch (ArgumentException e) { throw new FormatException($"{path}: {e.Message}"); }
    }

    private double ReadNumber(LeafSpec spec, PropertyPath property, string path)
    {
        var value = property.Get(scene.Find(spec.Target)!.State);
        return value.Kind == AnimValueKind.Number ? value.X : throw new FormatException($"{path}: a spring moves numbers; '{spec.Property}' is {value}");
    }

    private PropertyPath Leaf(LeafSpec spec, string path)
    {
        CheckTarget(spec.Target, path);
        try { return PropertyPath.Parse(spec.Property); }
        catch (FormatException e) { throw new FormatException($"{path}.{e.Message}"); }
    }

    private PathSpec Checked(PathSpec spec, string path)
    {
        CheckTarget(spec.Target, path);
        if (spec.Duration < 0) throw Bad(path, "duration", "seconds >= 0", spec.Duration);
        return spec;
    }

    private void CheckTarget(string target, string path)
    {
        if (string.IsNullOrEmpty(target)) throw new FormatException($"{path}.target: expected the id of a layer");
        if (scene.Find(target) is null) throw new FormatException($"{path}.target: layer '{target}' does not exist");
    }

    private Sdk.Animation.IEasing Easing(string name, string path)
    {
        try { return easings.Resolve(name); }
        catch (FormatException e) { throw new FormatException($"{path}.easing: {e.Message}"); }
    }

    private static FormatException Bad(string path, string field, string expected, object got) =>
        new($"{path}.{field}: expected {expected}, got {got}");
}
