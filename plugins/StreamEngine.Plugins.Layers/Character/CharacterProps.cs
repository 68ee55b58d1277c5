using System.Text.Json.Nodes;
using StreamEngine.Plugins.Layers.Frames;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>What a character says and how: a bubble beside it, or a lower third with its name.</summary>
internal sealed record Speech(string Text, bool LowerThird);

/// <summary>How a state change animates: a cross-fade, or the old pose sliding out as the new one slides in.</summary>
internal sealed record StateTransition(bool Slide, double Duration)
{
    public static readonly StateTransition Cut = new(false, 0);
}

/// <summary>
/// The props of a <c>host</c> or <c>assistant</c> layer:
/// <c>state</c> (idle, talking, reacting, celebrating or any name in <c>states</c>; default idle; a state the set does
/// not have shows idle), <c>states</c> (name → <see cref="FrameSource"/>; without it the props themselves are one
/// source used for every state, e.g. <c>{"sheet": "host.png", "rows": 2, "cols": 4}</c>), <c>speech</c>
/// (<c>{"text": "…", "style": "bubble" | "lowerThird"}</c> or just the text), <c>speechStyle</c> (the style of speech
/// that names none, such as a script's <c>say</c>: bubble, the default, or lowerThird), <c>name</c> (shown on the lower third),
/// <c>transition</c> (<c>{"type": "fade" | "slide" | "cut", "duration": 0.3}</c>: how a state change animates, and how
/// long speech takes to appear; without it a state change cuts),
/// <c>side</c>, <c>bubbleColor</c>, <c>textColor</c>, <c>accentColor</c> (see <see cref="CharacterLook"/>).
/// </summary>
internal sealed record CharacterProps(FrameSource Source, Speech? Speech, string? Name, StateTransition Transition, CharacterLook Look)
{
    public const string Idle = "idle";

    /// <summary>Seconds speech takes to appear or go when no transition is set.</summary>
    public const double SpeechSeconds = 0.25;

    public static CharacterProps Parse(JsonObject props, CharacterLook defaults)
    {
        var source = FrameSourceOf(props, Props.String(props, "state") ?? Idle);
        return new CharacterProps(source, ParseSpeech(props), Props.String(props, "name"), ParseTransition(props), defaults.With(props));
    }

    /// <summary>Seconds speech takes to appear or go: the transition's duration, or a short default.</summary>
    public double SpeechDuration => Transition.Duration > 0 ? Transition.Duration : SpeechSeconds;

    private static FrameSource FrameSourceOf(JsonObject props, string state)
    {
        if (props["states"] is null) return FrameSource.Parse(props, "props");
        if (props["states"] is not JsonObject states) throw Props.Bad("states", "an object mapping state names to sources", props["states"]);
        var name = states.ContainsKey(state) ? state
            : states.ContainsKey(Idle) ? Idle
            : throw new ArgumentException($"props.state: '{state}' is not in props.states ({string.Join(", ", states.Select(s => s.Key))}) and there is no '{Idle}' state to fall back to");
        return states[name] is JsonObject source
            ? FrameSource.Parse(source, $"props.states.{name}")
            : throw Props.Bad($"states.{name}", "an object with src, sheet or folder", states[name]);
    }

    private static Speech? ParseSpeech(JsonObject props)
    {
        var lowerThird = IsLowerThird(props, "speechStyle", "props", false);
        return props["speech"] switch
        {
            null => null,
            JsonValue => Props.String(props, "speech") is { Length: > 0 } text ? new Speech(text, lowerThird) : null,
            JsonObject speech => Props.String(speech, "text", "props.speech") is { Length: > 0 } text
                ? new Speech(text, IsLowerThird(speech, "style", "props.speech", lowerThird))
                : null,
            var other => throw Props.Bad("speech", "an object with text and style, or a text", other),
        };
    }

    private static bool IsLowerThird(JsonObject props, string name, string where, bool fallback) => Props.String(props, name, where) switch
    {
        null => fallback,
        "bubble" => false,
        "lowerThird" => true,
        _ => throw Props.Bad(name, "\"bubble\" or \"lowerThird\"", props[name], where),
    };

    private static StateTransition ParseTransition(JsonObject props)
    {
        if (props["transition"] is null) return StateTransition.Cut;
        if (props["transition"] is not JsonObject transition) throw Props.Bad("transition", "an object with type (fade or slide) and duration", props["transition"]);
        var duration = Props.Number(transition, "duration", 0.3, "props.transition");
        if (duration is < 0 or > 10) throw Props.Bad("duration", "seconds from 0 to 10", transition["duration"], "props.transition");
        return Props.String(transition, "type", "props.transition") switch
        {
            null or "fade" => new StateTransition(false, duration),
            "slide" => new StateTransition(true, duration),
            "cut" => StateTransition.Cut,
            _ => throw Props.Bad("type", "\"fade\", \"slide\" or \"cut\"", transition["type"], "props.transition"),
        };
    }
}
