using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StreamEngine.Core.Animation;

/// <summary>
/// An animation as data, in the JSON shape of scene files, the API and the state store. A node is a leaf
/// (tween, keyframes, path, spring) that moves one property of one layer, or a group (sequence, parallel) of nodes.
/// Times are seconds. Evaluation is a pure function of time: nothing here changes while it plays.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TweenSpec), "tween")]
[JsonDerivedType(typeof(KeyframesSpec), "keyframes")]
[JsonDerivedType(typeof(PathSpec), "path")]
[JsonDerivedType(typeof(SpringSpec), "spring")]
[JsonDerivedType(typeof(EffectSpec), "effect")]
[JsonDerivedType(typeof(SequenceSpec), "sequence")]
[JsonDerivedType(typeof(ParallelSpec), "parallel")]
public abstract class AnimationSpec
{
    /// <summary>Id, unique among running animations; generated when missing.</summary>
    public string? Id { get; set; }

    /// <summary>Seconds before the node starts; in a sequence, from the end of the previous node (negative overlaps it).</summary>
    public double Delay { get; set; }

    /// <summary>A name for the node's start, to seek to and to trigger on.</summary>
    public string? Label { get; set; }

    /// <summary>Extra plays after the first; -1 repeats for ever.</summary>
    public int Repeat { get; set; }

    /// <summary>Every other play runs backwards.</summary>
    public bool PingPong { get; set; }

    /// <summary>Top level only: show time (seconds) at which it starts; missing means when it is started.</summary>
    public double? Start { get; set; }

    /// <summary>Top level only: playback speed (2 = twice as fast).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>Top level only: what happens to running animations of the same properties.</summary>
    public InterruptionPolicy Policy { get; set; } = InterruptionPolicy.Replace;

    /// <summary>Top level only, with <see cref="InterruptionPolicy.Blend"/>: seconds over which the old animation hands over.</summary>
    public double BlendDuration { get; set; } = 0.3;

    /// <summary>Top level only: where playback is (set by the engine; saved so a restart resumes at the right point).</summary>
    public Playback? Playback { get; set; }

    /// <summary>Copy with the same data.</summary>
    public AnimationSpec Clone() => AnimationJson.Clone(this);
}

/// <summary>What a new animation does to running animations of the same layer properties.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InterruptionPolicy>))]
public enum InterruptionPolicy
{
    /// <summary>They are cancelled; the new one starts from the current values (a spring keeps its velocity).</summary>
    Replace,

    /// <summary>The new one waits until they have finished.</summary>
    Queue,

    /// <summary>Both run; the new one takes over smoothly over <see cref="AnimationSpec.BlendDuration"/>, then the old ones end.</summary>
    Blend,

    /// <summary>Nothing is cancelled; the newest value wins where they overlap.</summary>
    Layer,
}

/// <summary>A leaf: animates one property of one layer.</summary>
public abstract class LeafSpec : AnimationSpec
{
    /// <summary>Id of the layer.</summary>
    public string Target { get; set; } = "";

    /// <summary>Property path: <c>transform.x</c>, <c>x</c>, <c>opacity</c>, <c>scale</c>, <c>props.color</c> …</summary>
    public string Property { get; set; } = "";

    /// <summary>Easing name or function, for example <c>easeOutBack</c> or <c>cubic-bezier(0.2, 0, 0, 1)</c>.</summary>
    public string Easing { get; set; } = "linear";
}

/// <summary>From one value to another (or by an amount) over a duration.</summary>
public sealed class TweenSpec : LeafSpec
{
    /// <summary>Start value; when missing, the property's value when the tween starts.</summary>
    public JsonNode? From { get; set; }

    /// <summary>End value.</summary>
    public JsonNode? To { get; set; }

    /// <summary>End value relative to the start value (numbers only), instead of <see cref="To"/>.</summary>
    public double? By { get; set; }

    public double Duration { get; set; } = 1;
}

/// <summary>Values at times; the easing of a keyframe applies from it to the next (as in CSS).</summary>
public sealed class KeyframesSpec : LeafSpec
{
    public List<Keyframe> Keyframes { get; set; } = [];
}

/// <summary>One keyframe: a value at a time (seconds from the start of the animation).</summary>
public sealed class Keyframe
{
    public double At { get; set; }

    public JsonNode? Value { get; set; }

    public string? Easing { get; set; }
}

/// <summary>Moves a layer (its transform x and y) along an SVG path or a polyline; can turn it along the path.</summary>
public sealed class PathSpec : AnimationSpec
{
    public string Target { get; set; } = "";

    /// <summary>SVG path data, for example <c>M 100 600 C 400 100, 900 100, 1180 600</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Points of a polyline, instead of <see cref="Path"/>: <c>[[0,0],[100,50]]</c>.</summary>
    public List<double[]>? Points { get; set; }

    public double Duration { get; set; } = 1;

    public string Easing { get; set; } = "linear";

    /// <summary>Sets the rotation to the direction of travel (plus <see cref="RotationOffset"/> degrees).</summary>
    public bool AutoRotate { get; set; }

    public double RotationOffset { get; set; }
}

/// <summary>
/// Spring physics towards a target: mass, stiffness, damping and initial velocity. Done when it is within the rest
/// thresholds. Started over a running spring on the same property, it starts from that spring's position and velocity.
/// </summary>
public sealed class SpringSpec : LeafSpec
{
    public double? From { get; set; }

    public double To { get; set; }

    public double Mass { get; set; } = 1;

    public double Stiffness { get; set; } = 170;

    public double Damping { get; set; } = 26;

    /// <summary>Initial velocity in units per second.</summary>
    public double Velocity { get; set; }

    /// <summary>Done when the distance to the target stays below this…</summary>
    public double RestDelta { get; set; } = 0.01;

    /// <summary>…and the speed below this (units per second).</summary>
    public double RestSpeed { get; set; } = 0.01;
}

/// <summary>A group of nodes.</summary>
public abstract class GroupSpec : AnimationSpec
{
    public List<AnimationSpec> Children { get; set; } = [];
}

/// <summary>Children one after another; a child's <see cref="AnimationSpec.Delay"/> shifts it from the end of the previous one.</summary>
public sealed class SequenceSpec : GroupSpec;

/// <summary>Children at the same time; a child's <see cref="AnimationSpec.Delay"/> delays it.</summary>
public sealed class ParallelSpec : GroupSpec;
