using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamEngine.Core.Clock;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>
/// The live clock driven by a fake time: a frame hook stands for the work of each frame and moves time on by how long
/// that frame took, so every tick, skip and gap follows from the times alone.
/// </summary>
public sealed class LiveFrameClockTests
{
    private static readonly VideoFormat Format = new(16, 16, 25); // 40 ms: whole ticks of the fake clock

    [Fact]
    public async Task A_frame_that_takes_under_two_periods_drops_nothing_but_reaches_the_encoder_as_a_gap()
    {
        var run = await RunAsync(stallAt: 10, stallPeriods: 1.8);

        Assert.Equal(0, run.Stats.DroppedLate);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), run.Delivered.Take(30));
        Assert.Equal(1, run.Stats.EncoderGaps);
        Assert.Equal(72, run.Stats.LongestEncoderGapMs, precision: 3);
        Assert.Equal(32, run.Stats.JitterMsPercentile(100), precision: 3); // the frame after it started 0.8 periods late
    }

    [Fact]
    public async Task A_frame_that_takes_two_and_a_half_periods_skips_a_slot_counted_as_dropped_and_one_gap()
    {
        var run = await RunAsync(stallAt: 10, stallPeriods: 2.5);

        Assert.Equal(1, run.Stats.DroppedLate);
        Assert.Equal([9, 10, 12, 13], run.Delivered.Skip(9).Take(4));
        Assert.Equal(1, run.Stats.EncoderGaps);
        Assert.Equal(100, run.Stats.LongestEncoderGapMs, precision: 3);
    }

    [Fact]
    public async Task A_slow_first_frame_delays_the_start_of_the_schedule_instead_of_dropping_the_frames_after_it()
    {
        var run = await RunAsync(stallAt: 0, stallPeriods: 5);

        Assert.Equal(0, run.Stats.Dropped);
        Assert.Equal(0, run.Stats.EncoderGaps);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), run.Delivered.Take(30));
    }

    [Fact]
    public async Task Frames_that_take_a_full_period_each_are_on_time_without_gaps_or_drops()
    {
        var run = await RunAsync(stallAt: -1, stallPeriods: 0);

        Assert.Equal(0, run.Stats.Dropped);
        Assert.Equal(0, run.Stats.EncoderGaps);
        Assert.Equal(0, run.Stats.JitterMsPercentile(100));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), run.Delivered.Take(30));
    }

    private sealed record Run(FrameStats Stats, List<long> Delivered);

    /// <summary>Runs the clock until 30 frames reached the sink; every frame takes one period, frame <paramref name="stallAt"/> longer.</summary>
    private static async Task<Run> RunAsync(long stallAt, double stallPeriods)
    {
        var time = new FakeTimeProvider();
        var period = TimeSpan.FromSeconds(1.0 / Format.Fps);
        var stats = new FrameStats(time);
        var sink = new CountingSink(30);
        var scene = new SceneGraph(4);
        using var compositor = new Compositor(Format, new TestLayers(), NullLoggerFactory.Instance, ".");
        var pipeline = new FramePipeline(scene, compositor, new FrameBufferPool(Format, 4), sink, stats);
        pipeline.AddHook(new Work(t => time.Advance(t.Index == stallAt ? period * stallPeriods : period)));
        using var stop = new CancellationTokenSource();
        var clock = new LiveFrameClock(pipeline, NullLogger<LiveFrameClock>.Instance, time).RunAsync(stop.Token);

        await sink.Enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        stop.Cancel();
        await clock;
        return new Run(stats, sink.Frames);
    }

    private sealed class Work(Action<FrameTime> work) : IFrameHook
    {
        public void OnFrame(FrameTime time) => work(time);
    }

    private sealed class CountingSink(int enough) : IFrameSink
    {
        public List<long> Frames { get; } = [];
        public TaskCompletionSource Enough { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryWrite(VideoFrame frame)
        {
            lock (Frames)
            {
                Frames.Add(frame.Time.Index);
                if (Frames.Count >= enough) Enough.TrySetResult();
            }
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
