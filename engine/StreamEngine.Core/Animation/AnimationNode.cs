using StreamEngine.Sdk;

namespace StreamEngine.Core.Animation;

/// <summary>
/// A compiled animation node: where it starts in its parent, how long one play lasts, and how to apply it at a time
/// within a play. Repeats and ping-pong map the parent's time to a time within a play.
/// </summary>
internal abstract class AnimationNode(AnimationSpec spec)
{
    public AnimationSpec Spec { get; } = spec;

    /// <summary>Start within the parent, in seconds (the delay, or its place in a sequence).</summary>
    public double Start { get; set; }

    public abstract double PlayDuration { get; }

    public double Total => Spec.Repeat < 0 ? double.PositiveInfinity : PlayDuration * (Spec.Repeat + 1);

    public double End => Start + Total;

    /// <summary>Applies the node at <paramref name="t"/> seconds after its start; nothing before it starts.</summary>
    public void ApplyAt(double t, AnimationContext context)
    {
        if (t < 0) return;
        ApplyWithin(WithinPlay(t), context);
    }

    /// <summary>Time within the current play: repeats wrap, odd plays of a ping-pong run backwards, the end holds.</summary>
    public double WithinPlay(double t)
    {
        var d = PlayDuration;
        if (d <= 0) return 0;
        if (t >= Total)
        {
            var plays = Spec.Repeat + 1;
            return Spec.PingPong && plays % 2 == 0 ? 0 : d;
        }
        var iteration = Math.Floor(t / d);
        var within = t - iteration * d;
        return Spec.PingPong && iteration % 2 == 1 ? d - within : within;
    }

    protected abstract void ApplyWithin(double t, AnimationContext context);

    /// <summary>Every (layer, property) the node writes.</summary>
    public abstract IEnumerable<(string Layer, string Property)> Touches();

    /// <summary>Labels with their time from the start of this node's first play.</summary>
    public virtual IEnumerable<(string Label, double At)> Labels() =>
        Spec.Label is { } label ? [(label, 0)] : [];
}

/// <summary>A group of nodes, one after another or together.</summary>
internal sealed class GroupNode : AnimationNode
{
    private readonly AnimationNode[] _children;
    private readonly double _duration;

    public GroupNode(GroupSpec spec, IReadOnlyList<AnimationNode> children) : base(spec)
    {
        var cursor = 0.0;
        foreach (var child in children)
        {
            child.Start = spec is SequenceSpec ? cursor + child.Spec.Delay : child.Spec.Delay;
            if (spec is SequenceSpec) cursor = child.End;
        }
        _children = [.. children.OrderBy(c => c.Start)]; // stable: later starters win where they overlap
        _duration = children.Count == 0 ? 0 : Math.Max(0, children.Max(c => c.End));
    }

    public IReadOnlyList<AnimationNode> Children => _children;

    public override double PlayDuration => _duration;

    protected override void ApplyWithin(double t, AnimationContext context)
    {
        foreach (var child in _children) child.ApplyAt(t - child.Start, context);
    }

    public override IEnumerable<(string Layer, string Property)> Touches() => _children.SelectMany(c => c.Touches()).Distinct();

    public override IEnumerable<(string Label, double At)> Labels() =>
        base.Labels().Concat(_children.SelectMany(c => c.Labels().Select(l => (l.Label, c.Start + l.At))));
}

/// <summary>What nodes apply their values to: the scene's layers, with a weight when an animation blends in.</summary>
internal sealed class AnimationContext(Scene.SceneGraph scene)
{
    public double Weight { get; set; } = 1;

    public LayerState? Layer(string id) => scene.Find(id)?.State;

    public AnimValue Read(string layerId, PropertyPath property) =>
        scene.Find(layerId) is { } layer ? property.Get(layer.State) : AnimValue.Number(0);

    public void Write(string layerId, PropertyPath property, AnimValue value)
    {
        var layer = scene.Find(layerId);
        if (layer is null) return; // the layer was removed; the animation goes on harmlessly
        var current = property.Get(layer.State);
        if (Weight < 1) value = AnimValue.Lerp(current, value, Weight);
        if (!AnimatedBounds.TryBound(property, ref value, scene.Limits)) return; // never an infinity or an unbounded box in the scene
        // A value that does not change (a step between keyframes, a held end) leaves the layer's cached raster alone.
        if (value.SameAs(current)) return;
        property.Set(layer.State, value);
        scene.MarkAnimated(layer, property.AffectsContent, property.Kind == PropertyKind.ZIndex);
    }
}
