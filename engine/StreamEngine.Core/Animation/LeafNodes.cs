using StreamEngine.Sdk.Animation;

namespace StreamEngine.Core.Animation;

/// <summary>From → to over a duration. A missing "from" is read from the layer the first time the tween applies.</summary>
internal sealed class TweenNode(TweenSpec spec, PropertyPath property, IEasing easing) : AnimationNode(spec)
{
    private AnimValue? _from, _to;

    public override double PlayDuration => spec.Duration;

    protected override void ApplyWithin(double t, AnimationContext context)
    {
        if (_from is null) Resolve(context);
        var progress = spec.Duration > 0 ? Math.Clamp(t / spec.Duration, 0, 1) : 1;
        context.Write(spec.Target, property, AnimValue.Lerp(_from!.Value, _to!.Value, easing.Ease(progress)));
    }

    private void Resolve(AnimationContext context)
    {
        spec.From ??= context.Read(spec.Target, property).ToJson(); // saved with the spec: a restart resumes the same way
        _from = AnimValue.FromJson(spec.From);
        _to = spec.By is { } by && _from.Value.Kind == AnimValueKind.Number
            ? AnimValue.Number(_from.Value.X + by)
            : AnimValue.FromJson(spec.To);
    }

    public override IEnumerable<(string Layer, string Property)> Touches() => property.Keys.Select(k => (spec.Target, k));
}

/// <summary>Values at times; a keyframe's easing shapes the segment that starts at it.</summary>
internal sealed class KeyframesNode(KeyframesSpec spec, PropertyPath property, IEasing[] easings) : AnimationNode(spec)
{
    private readonly AnimValue[] _values = [.. spec.Keyframes.Select(k => AnimValue.FromJson(k.Value))];

    public override double PlayDuration => spec.Keyframes[^1].At;

    protected override void ApplyWithin(double t, AnimationContext context)
    {
        var frames = spec.Keyframes;
        var i = 0;
        while (i < frames.Count - 1 && t >= frames[i + 1].At) i++;
        if (i == frames.Count - 1 || t <= frames[0].At)
        {
            context.Write(spec.Target, property, _values[t <= frames[0].At ? 0 : i]);
            return;
        }
        var span = frames[i + 1].At - frames[i].At;
        var progress = span > 0 ? (t - frames[i].At) / span : 1;
        context.Write(spec.Target, property, AnimValue.Lerp(_values[i], _values[i + 1], easings[i].Ease(progress)));
    }

    public override IEnumerable<(string Layer, string Property)> Touches() => property.Keys.Select(k => (spec.Target, k));
}

/// <summary>Moves a layer's anchor point along a path; with auto-rotate it turns with the direction of travel.</summary>
internal sealed class PathNode(PathSpec spec, PathMotion motion, IEasing easing) : AnimationNode(spec)
{
    private static readonly PropertyPath X = PropertyPath.Parse("x"), Y = PropertyPath.Parse("y"), Rotation = PropertyPath.Parse("rotation");

    public override double PlayDuration => spec.Duration;

    protected override void ApplyWithin(double t, AnimationContext context)
    {
        var (x, y, degrees) = motion.At(easing.Ease(spec.Duration > 0 ? Math.Clamp(t / spec.Duration, 0, 1) : 1));
        context.Write(spec.Target, X, AnimValue.Number(x));
        context.Write(spec.Target, Y, AnimValue.Number(y));
        if (spec.AutoRotate) context.Write(spec.Target, Rotation, AnimValue.Number(degrees + spec.RotationOffset));
    }

    public override IEnumerable<(string Layer, string Property)> Touches() =>
        spec.AutoRotate ? [(spec.Target, "transform.x"), (spec.Target, "transform.y"), (spec.Target, "transform.rotation")]
            : [(spec.Target, "transform.x"), (spec.Target, "transform.y")];
}

/// <summary>Spring physics; its play lasts until it is at rest, then it holds the target exactly.</summary>
internal sealed class SpringNode : AnimationNode
{
    private readonly SpringSpec _spec;
    private readonly PropertyPath _property;
    private readonly Spring _spring;
    private readonly double _settle;

    /// <param name="from">The start value: the spec's, or the property's value when the spring was started.</param>
    public SpringNode(SpringSpec spec, PropertyPath property, double from) : base(spec)
    {
        _spec = spec;
        _property = property;
        _spring = new Spring(from, spec.To, spec.Velocity, spec.Mass, spec.Stiffness, spec.Damping);
        _settle = _spring.SettleTime(spec.RestDelta, spec.RestSpeed);
    }

    public override double PlayDuration => _settle;

    /// <summary>Position and velocity at a time within the play (for handing over to a new spring without a jump).</summary>
    public (double Position, double Velocity) StateAt(double t) => t >= _settle ? (_spec.To, 0) : _spring.At(t);

    protected override void ApplyWithin(double t, AnimationContext context) =>
        context.Write(_spec.Target, _property, AnimValue.Number(StateAt(t).Position));

    public override IEnumerable<(string Layer, string Property)> Touches() => _property.Keys.Select(k => (_spec.Target, k));
}
