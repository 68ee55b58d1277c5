using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

public sealed class TransitionTests : IDisposable
{
    private static readonly VideoFormat Format = new(40, 20, 10);
    private readonly SceneGraph _scene = new(5);
    private readonly Compositor _compositor = new(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
    private readonly FramePipeline _pipeline;
    private readonly List<VideoFrame> _frames = [];

    public TransitionTests()
    {
        _pipeline = new FramePipeline(_scene, _compositor, new FrameBufferPool(Format, 64), new CollectingSink(_frames), new FrameStats());
        _ = _scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("old", "#ff0000")));
    }

    private SKColor At(int frame, int x) => Frame.Pixel(_frames[frame].Buffer, Format.Width, x, 10);

    private void SwitchToBlueAt(int frame, TransitionKind kind)
    {
        for (var i = 0; i < 30; i++)
        {
            if (i == frame) _ = _pipeline.SwitchSceneAsync([TestLayers.Fill("new", "#0000ff")], new SceneTransition(kind, 1, LinearOnlyEasings.Linear));
            _pipeline.Tick(new FrameTime(i, Format.Fps));
        }
    }

    [Fact]
    public void A_crossfade_blends_the_old_frame_into_the_new_scene()
    {
        SwitchToBlueAt(5, TransitionKind.Crossfade);

        Assert.Equal(new SKColor(255, 0, 0), At(4, 20));
        Assert.InRange(At(10, 20).Red, 125, 130); // halfway: (10 - 5) / 10 fps / 1 s
        Assert.InRange(At(10, 20).Blue, 125, 130);
        Assert.Equal(new SKColor(0, 0, 255), At(16, 20));
    }

    [Fact]
    public void A_slide_pushes_the_old_scene_out_to_the_left()
    {
        SwitchToBlueAt(5, TransitionKind.Slide);

        Assert.Equal(new SKColor(255, 0, 0), At(10, 5));   // left half: the old scene, moved left
        Assert.Equal(new SKColor(0, 0, 255), At(10, 35));  // right half: the new scene coming in
        Assert.Equal(new SKColor(0, 0, 255), At(16, 5));
    }

    [Fact]
    public void A_wipe_uncovers_the_new_scene_from_the_left()
    {
        SwitchToBlueAt(5, TransitionKind.Wipe);

        Assert.Equal(new SKColor(0, 0, 255), At(10, 5));
        Assert.Equal(new SKColor(255, 0, 0), At(10, 35));
    }

    [Fact]
    public void A_cut_switches_at_once()
    {
        SwitchToBlueAt(5, TransitionKind.Cut);

        Assert.Equal(new SKColor(255, 0, 0), At(4, 20));
        Assert.Equal(new SKColor(0, 0, 255), At(5, 20));
    }

    private sealed class CollectingSink(List<VideoFrame> frames) : IFrameSink
    {
        public bool TryWrite(VideoFrame frame)
        {
            var copy = new VideoFrame(frame.Pixels.ToArray(), frame.Format, _ => { }) { Time = frame.Time };
            frames.Add(copy);
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
        {
            TryWrite(frame);
            return ValueTask.CompletedTask;
        }
    }

    public void Dispose() => _compositor.Dispose();
}
