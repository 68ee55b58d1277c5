using Microsoft.Extensions.Time.Testing;
using StreamEngine.Core.Pipeline;

namespace StreamEngine.Core.Tests;

/// <summary>What /health/ready and /health/live report, driven by a manual clock.</summary>
public sealed class FrameHeartbeatTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FrameHeartbeat _heartbeat;

    public FrameHeartbeatTests() => _heartbeat = new FrameHeartbeat(_time);

    [Fact]
    public void Not_ready_before_the_clock_starts_and_ready_while_frames_are_delivered()
    {
        Assert.Contains("not running", _heartbeat.NotReadyReason());
        Assert.Null(_heartbeat.NotLiveReason());

        _heartbeat.Start();
        for (var i = 0; i < 100; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(33));
            _heartbeat.Ticked();
            _heartbeat.Delivered();
        }

        Assert.Null(_heartbeat.NotReadyReason());
        Assert.Null(_heartbeat.NotLiveReason());
    }

    [Fact]
    public void Ticks_that_deliver_nothing_for_two_seconds_make_the_engine_not_ready_but_still_live()
    {
        _heartbeat.Start();
        for (var i = 0; i < 61; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(34));
            _heartbeat.Ticked(); // every frame fails or is dropped: the thread runs, the stream is frozen
        }

        Assert.Contains("no frame delivered for 2.1 s", _heartbeat.NotReadyReason());
        Assert.Null(_heartbeat.NotLiveReason());

        _heartbeat.Delivered();
        Assert.Null(_heartbeat.NotReadyReason());
    }

    [Fact]
    public void A_tick_that_never_returns_makes_the_engine_not_live()
    {
        _heartbeat.Start();
        _heartbeat.Ticked();
        _heartbeat.Delivered();

        _time.Advance(FrameHeartbeat.TickedWithin - TimeSpan.FromMilliseconds(1));
        Assert.Null(_heartbeat.NotLiveReason());
        _time.Advance(TimeSpan.FromMilliseconds(2));

        Assert.Contains("has not started a tick for 5.0 s", _heartbeat.NotLiveReason());
        Assert.NotNull(_heartbeat.NotReadyReason());
    }

    [Fact]
    public void A_clock_stopped_on_purpose_is_not_ready_and_not_reported_stuck()
    {
        _heartbeat.Start();
        _heartbeat.Stop();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("not running", _heartbeat.NotReadyReason());
        Assert.Null(_heartbeat.NotLiveReason());
    }
}
