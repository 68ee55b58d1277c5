using System.Text.Json.Nodes;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests.Animation;

/// <summary>Effect presets: where the layer is at chosen frames, the events scripts see, and how bad input is reported.</summary>
public sealed class EffectTests
{
    [Fact]
    public void Fade_in_goes_from_transparent_to_opaque_and_fade_out_from_where_it_is_to_nothing()
    {
        var rig = new AnimationRig("a", "b");
        rig.Layer("b").Transform.Opacity = 0.8;
        _ = rig.Runtime.StartAsync(AnimationRig.Json("""{"kind":"effect","effect":"fadeIn","target":"a","duration":1,"easing":"linear"}"""));
        rig.Start(AnimationRig.Json("""{"kind":"effect","effect":"fadeOut","target":"b","duration":1,"easing":"linear"}"""));
        rig.RunTo(15);
        Assert.Equal(0.5, rig.Layer("a").Transform.Opacity, 9);
        Assert.Equal(0.4, rig.Layer("b").Transform.Opacity, 9);
        rig.RunTo(30);
        Assert.Equal((1.0, 0.0), (rig.Layer("a").Transform.Opacity, rig.Layer("b").Transform.Opacity));
    }

    [Fact]
    public void Slide_in_comes_from_the_side_by_the_layer_width_and_ends_where_the_layer_was()
    {
        var rig = new AnimationRig();
        (rig.Layer().Transform.X, rig.Layer().Transform.Width) = (100, 200);
        rig.Start(AnimationRig.Json("""{"kind":"effect","effect":"slideIn","from":"left","target":"box","duration":1,"easing":"linear"}"""));
        Assert.Equal(-100, rig.Layer().Transform.X, 9); // frame 0
        rig.RunTo(15);
        Assert.Equal(0, rig.Layer().Transform.X, 9);
        rig.RunTo(30);
        Assert.Equal(100, rig.Layer().Transform.X, 9);
    }

    [Fact]
    public void Slide_out_leaves_towards_the_side_with_its_default_ease_in()
    {
        var rig = new AnimationRig();
        rig.Layer().Transform.Y = 10;
        rig.Start(AnimationRig.Json("""{"kind":"effect","effect":"slideOut","to":"bottom","distance":50,"target":"box","duration":1}"""));
        rig.RunTo(15);
        Assert.Equal(10 + 50 * 0.125, rig.Layer().Transform.Y, 9); // easeInCubic at half time
        rig.RunTo(30);
        Assert.Equal(60, rig.Layer().Transform.Y, 9);
    }

    [Fact]
    public void Scale_in_grows_both_axes_from_nothing_and_rotate_turns_by_degrees()
    {
        var rig = new AnimationRig("a", "b");
        rig.Layer("b").Transform.Rotation = 10;
        _ = rig.Runtime.StartAsync(AnimationRig.Json("""{"kind":"effect","effect":"scaleIn","target":"a","duration":1,"easing":"linear"}"""));
        rig.Start(AnimationRig.Json("""{"kind":"effect","effect":"rotate","degrees":90,"target":"b","duration":1,"easing":"linear"}"""));
        rig.RunTo(15);
        Assert.Equal((0.5, 0.5), (rig.Layer("a").Transform.ScaleX, rig.Layer("a").Transform.ScaleY));
        Assert.Equal(55, rig.Layer("b").Transform.Rotation, 9);
        rig.RunTo(30);
        Assert.Equal(100, rig.Layer("b").Transform.Rotation, 9);
    }

    [Fact]
    public void An_effect_raises_started_frame_and_completed_under_its_id_and_triggers_on_them()
    {
        var rig = new AnimationRig("a", "b");
        rig.Runtime.RaiseFrameEvents = true;
        _ = rig.Runtime.AddTriggerAsync(AnimationJson.ParseTrigger(JsonNode.Parse(
            """{"id":"then","on":"completed:intro","animation":{"kind":"effect","effect":"fadeOut","target":"b","duration":0.5,"easing":"linear"}}""")!));
        rig.Start(AnimationRig.Json("""{"kind":"effect","id":"intro","effect":"fadeIn","target":"a","duration":1,"easing":"linear"}"""));
        rig.RunTo(45);

        var intro = rig.Events.Where(e => e.AnimationId == "intro").ToList();
        Assert.Equal((AnimationEventKind.Started, 0.0), (intro[0].Kind, intro[0].ShowTime));
        Assert.Equal(31, intro.Count(e => e.Kind == AnimationEventKind.Frame)); // frames 0 to 30
        Assert.Equal((AnimationEventKind.Completed, 1.0), (intro[^1].Kind, intro[^1].ShowTime));
        // The trigger's fade-out started when the fade-in completed, and is over 0.5 s later.
        Assert.Contains(rig.Events, e => e is { AnimationId: "then", Kind: AnimationEventKind.Started, ShowTime: 1.0 });
        Assert.Equal(0, rig.Layer("b").Transform.Opacity, 9);
    }

    [Fact]
    public void Effects_inside_a_timeline_play_in_turn_and_what_is_saved_is_a_plain_tween()
    {
        var rig = new AnimationRig();
        (rig.Layer().Transform.X, rig.Layer().Transform.Width) = (40, 100);
        rig.Start(AnimationRig.Json("""
            {"kind":"sequence","id":"show","children":[
              {"kind":"effect","effect":"slideIn","from":"right","distance":300,"target":"box","duration":1,"easing":"linear"},
              {"kind":"effect","effect":"fadeOut","target":"box","duration":1,"easing":"linear"}]}
            """));
        rig.RunTo(15);
        Assert.Equal((190, 1), (rig.Layer().Transform.X, rig.Layer().Transform.Opacity));
        rig.RunTo(45);
        Assert.Equal((40, 0.5), (rig.Layer().Transform.X, rig.Layer().Transform.Opacity));

        var saved = Assert.IsType<SequenceSpec>(Assert.Single(rig.Runtime.Snapshot().Animations));
        var slide = Assert.IsType<TweenSpec>(saved.Children[0]);
        Assert.Equal(("x", 340.0, 40.0), (slide.Property, slide.From!.GetValue<double>(), slide.To!.GetValue<double>()));
    }

    [Theory]
    [InlineData("""{"kind":"effect","effect":"wobble","from":"left","target":"box"}""", "$.animations[0]: animation.effect: expected fadeIn, fadeOut, scaleIn, scaleOut, rotate, slideIn or slideOut, got 'wobble'")]
    [InlineData("""{"kind":"effect","effect":"slideIn","target":"box"}""", "$.animations[0]: animation.from: expected left, right, top or bottom, got nothing")]
    [InlineData("""{"kind":"effect","effect":"slideOut","to":"up","target":"box"}""", "$.animations[0]: animation.to: expected left, right, top or bottom, got 'up'")]
    [InlineData("""{"kind":"effect","effect":"fadeIn","from":"left","target":"box"}""", "$.animations[0]: animation.from: only slideIn takes a side to come from")]
    [InlineData("""{"kind":"effect","effect":"fadeOut","distance":40,"target":"box"}""", "$.animations[0]: animation.distance: only slideIn and slideOut take a distance")]
    [InlineData("""{"kind":"effect","effect":"slideIn","from":"top","target":"box"}""", "$.animations[0]: animation.distance: layer 'box' has no height to slide by; give a distance in pixels")]
    [InlineData("""{"kind":"effect","effect":"fadeIn","target":"ghost"}""", "$.animations[0]: animation.target: layer 'ghost' does not exist")]
    [InlineData("""{"kind":"effect","effect":"fadeIn","target":"box","easing":"boing"}""", "$.animations[0]: animation.easing: easing 'boing' is unknown")]
    [InlineData("""{"kind":"sequence","children":[{"kind":"effect","effect":"rotate","target":"box","duration":-1}]}""", "$.animations[0]: animation.children[0].duration: expected seconds >= 0, got -1")]
    public void A_bad_effect_is_reported_with_its_path(string animation, string problem)
    {
        var scene = new SceneState
        {
            Layers = [new LayerState { Id = "box", Type = "fill" }],
            Animations = [JsonNode.Parse(animation)!.AsObject()],
        };

        var problems = SceneAnimations.Check(scene, new AnimationRig.TestEasings());

        Assert.Equal(problem, Assert.Single(problems).ToString());
    }
}
