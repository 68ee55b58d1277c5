using SkiaSharp;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Draws a character in its state, the transition from its previous state, and its speech. Animated: the content
/// changes when the sprite frame does, and every frame while a state change or speech is animating.
/// </summary>
internal sealed class CharacterRenderer(LayerContext layer, CharacterLook look) : IAnimatedLayerRenderer
{
    private readonly CharacterTimeline _timeline = new();
    private CharacterProps? _props;
    private int _folderFrames = 1;

    public long ContentVersionAt(FrameTime time)
    {
        if (_props is null) return 0;
        if (_timeline.InMotion(time.Seconds, _props)) return -1 - time.Index;
        var source = _props.Source;
        var frame = source.FrameIndexAt(Elapsed(time.Seconds, _timeline.StateSince), source.KnownFrameCount ?? _folderFrames);
        return (_timeline.Changes << 32) | (uint)frame;
    }

    public void Render(LayerDrawContext context)
    {
        var props = CharacterProps.Parse(context.Props, look);
        var now = context.Time.Seconds;
        _timeline.Observe(props, now);
        _props = props;

        var box = SKRect.Create(context.Size.Width, context.Size.Height);
        var current = props.Source.FrameAt(layer, Elapsed(now, _timeline.StateSince), out _folderFrames);
        var previous = _timeline.Previous is { } p ? p.Source.FrameAt(layer, Elapsed(now, p.Since), out _) : null;
        if ((current ?? previous) is not { } shown) return; // still loading: nothing to draw yet
        var stage = CharacterStage.Place(box, shown.Source.Size, props.Look.OnLeft);

        var progress = _timeline.StateProgress(now, props.Transition);
        if (current is null) Pose.Draw(context.Canvas, previous!.Value, stage.Figure, 1, 0); // the new state loads: keep the old one
        else if (progress >= 1 || previous is null) Pose.Draw(context.Canvas, current.Value, stage.Figure, 1, 0);
        else if (props.Transition.Slide) Pose.Swap(context.Canvas, previous.Value, current.Value, stage.Figure, box, progress);
        else Pose.Dissolve(context.Canvas, previous.Value, current.Value, stage.Figure, progress);

        DrawSpeech(context.Canvas, props, stage, now);
    }

    private void DrawSpeech(SKCanvas canvas, CharacterProps props, CharacterStage stage, double now)
    {
        if (_timeline.GoneSpeech is { } gone && _timeline.SpeechOut(now, props.SpeechDuration) is var outgoing && outgoing < 1)
            SpeechBubble.Draw(canvas, gone.Speech, props, stage, 1 - outgoing, leaving: true);
        if (_timeline.Speech is { } speech)
            SpeechBubble.Draw(canvas, speech, props, stage, _timeline.SpeechIn(now, props.SpeechDuration), leaving: false);
    }

    private static TimeSpan Elapsed(double now, double since) => TimeSpan.FromSeconds(Math.Max(0, now - since));

    public void Dispose() { }
}
