using StreamEngine.Plugins.Layers.Frames;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// When the shown state and speech changed. The renderer learns of a change only when it is rendered with new props,
/// so it records the frame time of that render here; everything drawn is then a function of frame time and these
/// records, and an offline render is the same every time. What the first render sees is taken as shown since the
/// show began: a renderer recreated by a plugin reload carries on without a spurious transition, and a looping state
/// keeps its phase.
/// </summary>
internal sealed class CharacterTimeline
{
    private bool _started;

    /// <summary>The state shown (after falling back to idle) and its source.</summary>
    public FrameSource? Source { get; private set; }

    /// <summary>Show time at which the current state began.</summary>
    public double StateSince { get; private set; }

    /// <summary>The state shown before the last change, with its own start, for the transition.</summary>
    public (FrameSource Source, double Since)? Previous { get; private set; }

    /// <summary>Show time of the last state change; NaN when the state never changed.</summary>
    public double StateChangedAt { get; private set; } = double.NaN;

    public Speech? Speech { get; private set; }

    /// <summary>Show time at which the current speech appeared; NaN when it was there from the first render.</summary>
    public double SpeechSince { get; private set; } = double.NaN;

    /// <summary>The speech that went away last, drawn while it fades, and when it went.</summary>
    public (Speech Speech, double At)? GoneSpeech { get; private set; }

    /// <summary>Counts changes, so a content version taken before a change differs from every version after it.</summary>
    public long Changes { get; private set; }

    public void Observe(CharacterProps props, double now)
    {
        if (!_started)
        {
            (_started, Source, Speech) = (true, props.Source, props.Speech);
            return;
        }
        if (props.Source != Source)
        {
            Previous = (Source!, StateSince);
            (Source, StateSince, StateChangedAt) = (props.Source, now, now);
            Changes++;
        }
        if (props.Speech == Speech) return;
        if (props.Speech is null) GoneSpeech = (Speech!, now);
        else if (Speech is null) SpeechSince = now;
        Speech = props.Speech;
        Changes++;
    }

    /// <summary>How far the state change is, 0 to 1 (1 when there is none in progress).</summary>
    public double StateProgress(double now, StateTransition transition) => Progress(now, StateChangedAt, transition.Duration);

    /// <summary>How far the current speech has appeared, 0 to 1.</summary>
    public double SpeechIn(double now, double duration) => Progress(now, SpeechSince, duration);

    /// <summary>How far the last speech has gone, 0 to 1 (1: gone).</summary>
    public double SpeechOut(double now, double duration) => GoneSpeech is { } gone ? Progress(now, gone.At, duration) : 1;

    /// <summary>Whether anything is between two looks at <paramref name="now"/>: the content then changes every frame.</summary>
    public bool InMotion(double now, CharacterProps props) =>
        StateProgress(now, props.Transition) < 1 || SpeechIn(now, props.SpeechDuration) < 1 || SpeechOut(now, props.SpeechDuration) < 1;

    private static double Progress(double now, double since, double duration) =>
        double.IsNaN(since) || duration <= 0 ? 1 : Math.Clamp((now - since) / duration, 0, 1);
}
