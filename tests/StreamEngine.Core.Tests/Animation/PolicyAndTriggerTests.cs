using StreamEngine.Core.Animation;

namespace StreamEngine.Core.Tests.Animation;

public sealed class PolicyAndTriggerTests
{
    private static string MoveX(string id, double from, double to, string policy = "replace", double duration = 1) =>
        $$"""{"id":"{{id}}","kind":"tween","target":"box","property":"x","from":{{from}},"to":{{to}},"duration":{{duration}},"policy":"{{policy}}","blendDuration":1}""";

    [Fact]
    public void Replace_cancels_the_running_animation_of_the_same_property()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json(MoveX("a", 0, 100)));
        rig.RunTo(10);
        rig.Start(AnimationRig.Json("""{"id":"b","kind":"tween","target":"box","property":"transform.x","to":0,"duration":1}"""));
        Assert.Contains(rig.Events, e => e is { AnimationId: "a", Kind: AnimationEventKind.Cancelled });
        rig.RunTo(60);
        Assert.Equal(0, rig.Layer().Transform.X);
        Assert.DoesNotContain(rig.Events, e => e is { AnimationId: "a", Kind: AnimationEventKind.Completed });
    }

    [Fact]
    public void Queue_waits_for_the_running_animation_to_finish()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json(MoveX("a", 0, 100)));
        rig.Start(AnimationRig.Json(MoveX("b", 100, 0, "queue")));
        rig.RunTo(30);
        Assert.Equal(100, rig.Layer().Transform.X, 6);
        rig.RunTo(45);
        Assert.Equal(50, rig.Layer().Transform.X, 6);
    }

    [Fact]
    public void Blend_hands_over_smoothly_then_ends_the_old_animation()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json(MoveX("a", 0, 300, duration: 10)));  // 30 px/s
        rig.RunTo(29);
        rig.Start(AnimationRig.Json(MoveX("b", 0, 0, "blend", duration: 10))); // holds 0; starts at frame 30
        rig.RunTo(45); // halfway through the 1 s hand-over: smoothstep(0.5) = 0.5 of the way from a (45) to b (0)
        Assert.Equal(45 * 0.5, rig.Layer().Transform.X, 6);
        rig.RunTo(61);
        Assert.Equal(0, rig.Layer().Transform.X, 6);
        Assert.Equal(1, rig.Runtime.Count);
    }

    [Fact]
    public async Task A_completed_animation_triggers_the_next_and_events_and_timers_trigger_too()
    {
        var rig = new AnimationRig();
        await Added(rig, """{"id":"after-intro","on":"completed:intro","animation":{"kind":"tween","target":"box","property":"y","from":0,"to":10,"duration":1}}""");
        await Added(rig, """{"id":"bid-pulse","on":"event:bid","animation":{"kind":"tween","target":"box","property":"scale","from":1.5,"to":1,"duration":0.5}}""");
        await Added(rig, """{"id":"tick","on":"every:2","animation":{"kind":"tween","target":"box","property":"rotation","by":90,"duration":0.1}}""");

        rig.Start(AnimationRig.Json(MoveX("intro", 0, 100)));
        rig.RunTo(60); // intro completed at frame 31, y moved for 29 frames
        Assert.InRange(rig.Layer().Transform.Y, 9, 10);

        _ = rig.Runtime.RaiseAsync("bid");
        rig.RunTo(rig.Frame);
        Assert.Equal(1.5, rig.Layer().Transform.ScaleX, 6);

        rig.RunTo(4 * 30 + 10); // the timer fired at about 2 s and 4 s
        Assert.Equal(180, rig.Layer().Transform.Rotation, 6);
    }

    [Fact]
    public async Task Bad_triggers_are_refused_with_the_field_named()
    {
        var rig = new AnimationRig();
        var error = await Assert.ThrowsAsync<FormatException>(() => AddedAsync(rig, """{"id":"x","on":"sometimes","animation":{"kind":"tween","target":"box","property":"x","to":1}}"""));
        Assert.Contains("trigger 'x'.on: 'sometimes' is not one of", error.Message);
    }

    [Fact]
    public async Task A_saved_timeline_resumes_where_it_was_after_a_restart()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"id":"loop","kind":"tween","target":"box","property":"x","from":0,"to":30,"duration":1,"repeat":-1}"""));
        rig.RunTo(44);
        var saved = rig.Runtime.SnapshotAsync();
        rig.RunTo(45);
        var json = AnimationJson.ToJson(Assert.Single(await saved)).ToJsonString();

        var restarted = new AnimationRig();
        restarted.RunTo(44); // the new engine restores at the same show time
        var restore = restarted.Runtime.RestoreAsync([AnimationJson.Parse(System.Text.Json.Nodes.JsonNode.Parse(json)!)]);
        restarted.RunTo(50);
        await restore;
        rig.RunTo(50);
        Assert.Equal(rig.Layer().Transform.X, restarted.Layer().Transform.X, 9);
    }

    private static async Task Added(AnimationRig rig, string json) => await AddedAsync(rig, json);

    private static Task AddedAsync(AnimationRig rig, string json)
    {
        var added = rig.Runtime.AddTriggerAsync(AnimationJson.ParseTrigger(System.Text.Json.Nodes.JsonNode.Parse(json)!));
        rig.RunTo(rig.Frame);
        return added;
    }
}
