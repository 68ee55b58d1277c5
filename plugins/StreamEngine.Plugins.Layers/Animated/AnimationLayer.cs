using SkiaSharp;
using StreamEngine.Plugins.Layers.Frames;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Animated;

/// <summary>
/// <c>animation</c>: an animated picture in the layer's box — a GIF or animated WebP with the file's frame timing, a
/// folder of images (frame by frame), or a sprite sheet. Props: those of <see cref="FrameSource"/> (<c>src</c>,
/// <c>folder</c> or <c>sheet</c> with <c>rows</c>/<c>cols</c>/<c>frames</c>; <c>fps</c>; <c>playback</c> loop, once or
/// pingpong), <c>fit</c> (contain, cover, fill, none), <c>start</c> (show time in seconds at which playback starts;
/// default: when the layer first shows these props). The layer re-renders only when the frame shown changes.
/// </summary>
public sealed class AnimationLayer : ILayerType
{
    public string Name => "animation";

    public string? PropsSchema => PropsSchemas.Animation;

    public ILayerRenderer CreateRenderer(LayerContext context) => new Renderer(context);

    private sealed class Renderer(LayerContext layer) : IAnimatedLayerRenderer
    {
        private FrameSource? _source;
        private double _start = double.NaN;

        public long ContentVersionAt(FrameTime time) => _source?.FrameAt(layer, Elapsed(time))?.Index ?? -1;

        public void Render(LayerDrawContext context)
        {
            var source = FrameSource.Parse(context.Props, "props");
            if (source != _source || double.IsNaN(_start)) _start = context.Time.Seconds;
            _source = source;
            if (context.Props["start"] is not null) _start = Props.Number(context.Props, "start", 0);
            if (source.FrameAt(layer, Elapsed(context.Time)) is not { } frame) return;
            var box = SKRect.Create(context.Size.Width, context.Size.Height);
            var fit = Props.String(context.Props, "fit") ?? "contain";
            if (source.Kind != FrameSource.SourceKind.Sheet)
            {
                ImageFit.Draw(context.Canvas, frame.Image, fit, box);
                return;
            }
            // A sheet's cell is cut out first, so the filter cannot pull in the edges of its neighbours.
            using var cell = frame.Image.Subset(SKRectI.Round(frame.Source));
            ImageFit.Draw(context.Canvas, cell, fit, box);
        }

        private TimeSpan Elapsed(FrameTime time) =>
            TimeSpan.FromSeconds(double.IsNaN(_start) ? 0 : Math.Max(0, time.Seconds - _start));

        public void Dispose() { }
    }
}
