using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

public sealed class FramePipelineTests
{
    private static readonly VideoFormat Format = new(32, 32, 30);

    private sealed class StallingSink : IFrameSink
    {
        public List<VideoFrame> Held { get; } = [];

        public bool TryWrite(VideoFrame frame)
        {
            if (Held.Count >= 2) return false;
            Held.Add(frame);
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void A_stalled_encoder_makes_frames_drop_and_counts_them_without_blocking()
    {
        var scene = new SceneGraph(5);
        scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("bg", "#336699")));
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        var sink = new StallingSink();
        var pool = new FrameBufferPool(Format, 4);
        var pipeline = new FramePipeline(scene, compositor, pool, sink, new FrameStats());

        for (var i = 0; i < 10; i++) pipeline.Tick(new FrameTime(i, 30));

        Assert.Equal(2, sink.Held.Count);
        Assert.Equal(8, pipeline.Stats.DroppedEncoderFull);
        Assert.Equal(pool.Capacity - sink.Held.Count, pool.Available); // dropped frames went back to the pool
        Assert.Equal(0x99, sink.Held[1].Buffer[0]); // BGRA: blue first
        Assert.Equal(1, sink.Held[1].Time.Index);
    }
}
