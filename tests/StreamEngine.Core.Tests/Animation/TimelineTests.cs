using StreamEngine.Core.Animation;

namespace StreamEngine.Core.Tests.Animation;

public sealed class TimelineTests
{
    private const string SlideThenFade = """
        {"id":"intro","kind":"sequence","children":[
          {"kind":"tween","target":"box","property":"x","from":0,"to":100,"duration":1},
          {"kind":"tween","target":"box","property":"opacity","from":1,"to":0,"duration":1,"label":"fade"},
          {"kind":"tween","target":"box","property":"y","from":0,"to":60,"duration":1,"delay":-0.5}
        ]}
        """;

    [Fact]
    public void A_sequence_runs_children_one_after_another_with_overlaps()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json(SlideThenFade));
        rig.RunTo(15);
        Assert.Equal((50.0, 1.0, 0.0), (rig.Layer().Transform.X, rig.Layer().Transform.Opacity, rig.Layer().Transform.Y));
        rig.RunTo(45); // 1.5 s: fade halfway, y started at 1.5 s
        Assert.Equal(100, rig.Layer().Transform.X);
        Assert.Equal(0.5, rig.Layer().Transform.Opacity, 9);
        Assert.Equal(0, rig.Layer().Transform.Y, 9);
        rig.RunTo(75); // 2.5 s: y done at 2.5 s, total duration 2.5 s
        Assert.Equal(60, rig.Layer().Transform.Y, 9);
        Assert.Contains(rig.Events, e => e is { AnimationId: "intro", Kind: AnimationEventKind.Completed, ShowTime: 2.5 });
    }

    [Fact]
    public void A_parallel_group_runs_children_together()
    {
        var rig = new AnimationRig("a", "b");
        rig.Start(AnimationRig.Json("""
            {"kind":"parallel","children":[
              {"kind":"tween","target":"a","property":"x","from":0,"to":30,"duration":1},
              {"kind":"tween","target":"b","property":"x","from":0,"to":60,"duration":2}]}
            """));
        rig.RunTo(30);
        Assert.Equal((30.0, 30.0), (rig.Layer("a").Transform.X, rig.Layer("b").Transform.X));
    }

    [Fact]
    public void Repeat_and_ping_pong_play_back_and_forth()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"x","from":0,"to":90,"duration":1,"repeat":2,"pingPong":true}"""));
        rig.RunTo(40); // second play, backwards: 1.333 s -> 90 - 30
        Assert.Equal(60, rig.Layer().Transform.X, 6);
        rig.RunTo(70); // third play forwards: 2.333 s -> 30
        Assert.Equal(30, rig.Layer().Transform.X, 6);
        rig.RunTo(100);
        Assert.Equal(90, rig.Layer().Transform.X, 6);
    }

    [Fact]
    public void An_endless_loop_keeps_going()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"x","from":0,"to":30,"duration":1,"repeat":-1}"""));
        rig.RunTo(30 * 100 + 10);
        Assert.Equal(10, rig.Layer().Transform.X, 6);
        Assert.Equal(1, rig.Runtime.Count);
    }

    [Fact]
    public void Pause_resume_seek_reverse_and_speed_move_the_playhead()
    {
        // 30 px per second; a command takes effect at the next frame.
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"id":"move","kind":"tween","target":"box","property":"x","from":0,"to":300,"duration":10}"""));
        rig.RunTo(29);
        _ = rig.Runtime.PauseAsync("move");
        rig.RunTo(90); // paused at frame 30 (1 s)
        Assert.Equal(30, rig.Layer().Transform.X, 6);
        _ = rig.Runtime.ResumeAsync("move");
        rig.RunTo(120); // resumed at frame 91 (still 30 there): 29 more frames of play
        Assert.Equal(59, rig.Layer().Transform.X, 6);
        _ = rig.Runtime.SeekAsync("move", 5);
        rig.RunTo(121);
        Assert.Equal(150, rig.Layer().Transform.X, 6);
        _ = rig.Runtime.SetSpeedAsync("move", 2);
        rig.RunTo(152); // from frame 122 on, two frames of play per frame
        Assert.Equal(150 + 1 + 30 * 2, rig.Layer().Transform.X, 6);
        _ = rig.Runtime.ReverseAsync("move");
        rig.RunTo(168); // from frame 153 on, backwards at 2x
        Assert.Equal(211 + 2 - 15 * 2, rig.Layer().Transform.X, 6);
    }

    [Fact]
    public async Task Seeking_to_a_label_and_label_events()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json(SlideThenFade));
        rig.RunTo(40);
        Assert.Contains(rig.Events, e => e is { Kind: AnimationEventKind.Label, Label: "fade", ShowTime: 1.0 });

        var seek = rig.Runtime.SeekAsync("intro", null, "fade");
        rig.RunTo(41);
        await seek;
        Assert.Equal(1, rig.Layer().Transform.Opacity, 9);
        var missing = rig.Runtime.SeekAsync("intro", null, "nope");
        rig.RunTo(42);
        Assert.Contains("no label 'nope'", (await Assert.ThrowsAsync<KeyNotFoundException>(() => missing)).Message);
    }

    [Fact]
    public async Task The_same_frame_gives_the_same_values_however_it_is_reached()
    {
        var played = new AnimationRig();
        played.Start(AnimationRig.Json(SlideThenFade));
        played.RunTo(50);

        var jumped = new AnimationRig();
        jumped.Start(AnimationRig.Json(SlideThenFade));
        var seek = jumped.Runtime.SeekAsync("intro", 50.0 / AnimationRig.Fps); // applied at frame 1
        jumped.RunTo(1);
        await seek;

        Assert.Equal(played.Layer().Transform.X, jumped.Layer().Transform.X);
        Assert.Equal(played.Layer().Transform.Opacity, jumped.Layer().Transform.Opacity);
        Assert.Equal(played.Layer().Transform.Y, jumped.Layer().Transform.Y);
    }
}
