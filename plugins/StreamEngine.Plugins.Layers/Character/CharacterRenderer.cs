using SkiaSharp;
using StreamEngine.Plugins.Layers.Frames;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Character;

/// <summary>
/// Draws a character in its state, the transition from its previous state, and its speech. Animated: the content
/// changes when the sprite frame does, and every frame while a state change or speech is animating. Sprite frames
/// and speech are rasterised once and then only placed, so a talking character costs a few copies per frame.
/// </summary>
internal sealed class CharacterRenderer(LayerContext layer, CharacterLook look) : IAnimatedLayerRenderer
{
    private readonly CharacterTimeline _timeline = new();
    private readonly ScaledFrames _frames = new();
    private readonly SpeechCards _speech = new();
    private CharacterProps? _props;

    public long ContentVersionAt(FrameTime time)
    {
        if (_props is null) return 0;
        if (_timeline.InMotion(time.Seconds, _props)) return -1 - time.Index;
        var frame = _props.Source.FrameAt(layer, Elapsed(time.Seconds, _timeline.StateSince))?.Index ?? -1;
        return (_timeline.Changes << 32) | (uint)frame;
    }

    public void Render(LayerDrawContext context)
    {
        var props = CharacterProps.Parse(context.Props, look);
        var now = context.Time.Seconds;
        _timeline.Observe(props, now);
        _props = props;
        _frames.Trim();
        _speech.Trim();

        var current = props.Source.FrameAt(layer, Elapsed(now, _timeline.StateSince));
        var previous = _timeline.Previous is { } p ? p.Source.FrameAt(layer, Elapsed(now, p.Since)) : null;
        if ((current ?? previous) is not { } shown) return; // still loading: nothing to draw yet
        var box = SKRect.Create(context.Size.Width, context.Size.Height);
        var stage = CharacterStage.Place(box, shown.Source.Size, props.Look.OnLeft);
        DrawPose(context.Canvas, stage, current, previous, _timeline.StateProgress(now, props.Transition), props.Transition.Slide);
        DrawSpeech(context.Canvas, props, stage, now);
    }

    private void DrawPose(SKCanvas canvas, CharacterStage stage, SpriteFrame? current, SpriteFrame? previous, double progress, bool slide)
    {
        var size = stage.Figure.Size;
        if (current is not { } to) Pose.Draw(canvas, _frames.Get(previous!.Value, size), stage.Figure, 1, 0); // the new state loads: keep the old one
        else if (progress >= 1 || previous is not { } from) Pose.Draw(canvas, _frames.Get(to, size), stage.Figure, 1, 0);
        else if (slide) Pose.Swap(canvas, _frames.Get(from, size), _frames.Get(to, size), stage.Figure, stage.Box, progress);
        else Pose.Dissolve(canvas, _frames.Get(from, size), _frames.Get(to, size), stage.Figure, progress);
    }

    private void DrawSpeech(SKCanvas canvas, CharacterProps props, CharacterStage stage, double now)
    {
        if (_timeline.GoneSpeech is { } gone && _timeline.SpeechOut(now, props.SpeechDuration) is var outgoing && outgoing < 1)
            SpeechBubble.Draw(canvas, _speech.Get(gone.Speech, props, stage), 1 - outgoing, leaving: true);
        if (_timeline.Speech is { } speech)
            SpeechBubble.Draw(canvas, _speech.Get(speech, props, stage), _timeline.SpeechIn(now, props.SpeechDuration), leaving: false);
    }

    private static TimeSpan Elapsed(double now, double since) => TimeSpan.FromSeconds(Math.Max(0, now - since));

    public void Dispose()
    {
        _frames.Dispose();
        _speech.Dispose();
    }
}
