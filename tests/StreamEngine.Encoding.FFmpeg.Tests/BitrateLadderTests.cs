namespace StreamEngine.Encoding.FFmpeg.Tests;

/// <summary>The adaptive output's decisions, driven by observations at given times (no clock involved).</summary>
public sealed class BitrateLadderTests
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Up = TimeSpan.FromSeconds(30);

    [Fact]
    public void Rungs_are_100_60_and_35_percent_and_never_below_the_floor()
    {
        Assert.Equal([2500, 1500, 875], new BitrateLadder(2500, null, Down, Up, TimeSpan.Zero).Rungs);
        Assert.Equal([2500, 1500, 1200], new BitrateLadder(2500, 1200, Down, Up, TimeSpan.Zero).Rungs);
        Assert.Equal([2500], new BitrateLadder(2500, 2500, Down, Up, TimeSpan.Zero).Rungs);
        Assert.Equal([150, 100], new BitrateLadder(150, null, Down, Up, TimeSpan.Zero).Rungs);
    }

    [Fact]
    public void A_link_behind_for_the_down_time_steps_down_one_rung_and_the_next_step_waits_for_the_settle_time()
    {
        var ladder = new BitrateLadder(2500, null, Down, Up, TimeSpan.Zero);
        var t = Feed(ladder, from: 5, to: 7.5, speed: 0.6, backlog: 2);
        Assert.Null(t.Step);
        Assert.Equal(1500, ladder.Observe(0.6, 2, dropped: false, At(8)));
        Assert.Null(Feed(ladder, from: 8.5, to: 12.5, speed: 0.6, backlog: 2).Step); // settling: the window still holds the old bitrate
        Assert.Null(Feed(ladder, from: 13, to: 15.5, speed: 0.6, backlog: 2).Step);
        Assert.Equal(875, ladder.Observe(0.6, 2, dropped: false, At(16)));
        Assert.Null(Feed(ladder, from: 21, to: 40, speed: 0.5, backlog: 3).Step); // the floor
    }

    [Fact]
    public void A_backlog_or_dropped_chunks_count_as_behind_even_when_the_speed_looks_fine()
    {
        var backlog = new BitrateLadder(1000, null, Down, Up, TimeSpan.Zero);
        Assert.Equal(600, Feed(backlog, from: 5, to: 9, speed: 1.1, backlog: 2).Step);
        var drops = new BitrateLadder(1000, null, Down, Up, TimeSpan.Zero);
        Assert.Equal(600, Feed(drops, from: 5, to: 9, speed: 1.2, backlog: 0, dropped: true).Step);
    }

    [Fact]
    public void A_link_that_just_carries_the_rung_is_neither_behind_nor_healthy_and_the_ladder_stays_put()
    {
        var ladder = new BitrateLadder(1000, null, Down, Up, TimeSpan.Zero);
        Feed(ladder, from: 5, to: 8, speed: 0.5, backlog: 2);
        Assert.Equal(600, ladder.CurrentKbps);
        Assert.Null(Feed(ladder, from: 13, to: 200, speed: 0.93, backlog: 1).Step);
        Assert.Equal(600, ladder.CurrentKbps);
    }

    [Fact]
    public void A_healthy_spell_steps_back_up_and_a_step_up_that_fails_soon_doubles_the_wait_before_the_next_try()
    {
        var ladder = new BitrateLadder(1000, null, Down, Up, TimeSpan.Zero);
        Feed(ladder, from: 5, to: 8, speed: 0.5, backlog: 2);
        Assert.Equal(600, ladder.CurrentKbps);
        Assert.Null(Feed(ladder, from: 13, to: 42.5, speed: 1, backlog: 0).Step);
        Assert.Equal(1000, ladder.Observe(1, 0, dropped: false, At(43)));

        Assert.Equal(600, Feed(ladder, from: 48, to: 52, speed: 0.6, backlog: 2).Step); // the link still cannot carry it
        Assert.Null(Feed(ladder, from: 57, to: 100, speed: 1, backlog: 0).Step); // 30 s would have done before
        Assert.Equal(1000, Feed(ladder, from: 100.5, to: 120, speed: 1, backlog: 0).Step); // 60 s now
    }

    [Fact]
    public void While_the_output_is_not_live_nothing_counts()
    {
        var ladder = new BitrateLadder(1000, null, Down, Up, TimeSpan.Zero);
        Feed(ladder, from: 5, to: 7, speed: 0.5, backlog: 2);
        ladder.Pause(At(7.5));
        Assert.Null(Feed(ladder, from: 8, to: 12, speed: 0.5, backlog: 2).Step);
        Assert.Equal(1000, ladder.CurrentKbps);
    }

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Observes the same figures twice a second from <paramref name="from"/> to <paramref name="to"/>; the first step taken, if any.</summary>
    private static (int? Step, double At) Feed(BitrateLadder ladder, double from, double to, double speed, double backlog, bool dropped = false)
    {
        for (var t = from; t <= to + 1e-9; t += 0.5)
            if (ladder.Observe(speed, backlog, dropped, At(t)) is { } step) return (step, t);
        return (null, to);
    }
}
