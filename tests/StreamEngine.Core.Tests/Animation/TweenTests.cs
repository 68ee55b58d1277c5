using StreamEngine.Core.Animation;

namespace StreamEngine.Core.Tests.Animation;

public sealed class TweenTests
{
    [Fact]
    public void Animations_beyond_MAX_ANIMATIONS_are_refused_naming_the_limit_and_the_running_ones_go_on()
    {
        var rig = new AnimationRig("a", "b", "c");
        rig.Runtime.MaxRunning = 2;
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"a","property":"x","from":0,"to":300,"duration":1}"""));
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"b","property":"x","from":0,"to":300,"duration":1}"""));

        var refused = Assert.Throws<Scene.SceneException>(() => rig.Start(AnimationRig.Json("""{"kind":"tween","target":"c","property":"x","from":0,"to":300,"duration":1}""")));

        Assert.Contains("MAX_ANIMATIONS allows (2)", refused.Message);
        rig.RunTo(40);
        Assert.Equal(300, rig.Layer("a").Transform.X);
        Assert.Equal(0, rig.Layer("c").Transform.X);
    }

    [Fact]
    public void A_tween_is_a_function_of_frame_time()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"x","from":0,"to":300,"duration":1}"""));
        // started at frame 0: frame n is at n/30 s
        rig.RunTo(15);
        Assert.Equal(150, rig.Layer().Transform.X, 9);
        rig.RunTo(40);
        Assert.Equal(300, rig.Layer().Transform.X);
    }

    [Fact]
    public void A_missing_from_starts_at_the_current_value_and_by_is_relative()
    {
        var rig = new AnimationRig();
        rig.Layer().Transform.Y = 100;
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"transform.y","by":50,"duration":1,"easing":"easeOutQuad"}"""));
        rig.RunTo(15);
        Assert.Equal(100 + 50 * 0.75, rig.Layer().Transform.Y, 9);
        rig.RunTo(30);
        Assert.Equal(150, rig.Layer().Transform.Y, 9);
    }

    [Fact]
    public void A_delay_holds_the_tween_back()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"opacity","from":0,"to":1,"duration":1,"delay":0.5}"""));
        rig.RunTo(14);
        Assert.Equal(1, rig.Layer().Transform.Opacity); // untouched before the delay ends
        rig.RunTo(30);
        Assert.Equal(0.5, rig.Layer().Transform.Opacity, 9);
    }

    [Fact]
    public void Colors_interpolate_in_a_perceptual_space()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"props.color","from":"#000000","to":"#ffffff","duration":1}"""));
        rig.RunTo(15);
        // OKLab's midpoint between black and white is sRGB #636363, not the muddier sRGB average #808080.
        Assert.Equal("#636363", rig.Layer().Props["color"]!.GetValue<string>());
    }

    [Fact]
    public void Animating_props_marks_the_layer_content_changed_and_transforms_do_not()
    {
        var rig = new AnimationRig();
        var layer = rig.Scene.Find("box")!;
        var content = layer.ContentVersion;
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"x","to":10,"duration":1}"""));
        rig.RunTo(5);
        Assert.Equal(content, layer.ContentVersion);
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"props.size","from":1,"to":10,"duration":1}"""));
        rig.RunTo(10);
        Assert.True(layer.ContentVersion > content);
    }

    [Fact]
    public void Strings_switch_halfway()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"props.text","from":"Going once","to":"Going twice","duration":1}"""));
        rig.RunTo(14);
        Assert.Equal("Going once", rig.Layer().Props["text"]!.GetValue<string>());
        rig.RunTo(15);
        Assert.Equal("Going twice", rig.Layer().Props["text"]!.GetValue<string>());
    }

    [Fact]
    public void Keyframes_use_each_segments_own_easing()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""
            {"kind":"keyframes","target":"box","property":"x","keyframes":[
              {"at":0,"value":0,"easing":"easeInQuad"}, {"at":1,"value":100}, {"at":2,"value":0}]}
            """));
        rig.RunTo(15);
        Assert.Equal(25, rig.Layer().Transform.X, 9);  // easeInQuad(0.5) * 100
        rig.RunTo(45);
        Assert.Equal(50, rig.Layer().Transform.X, 9);  // linear back down
        rig.RunTo(70);
        Assert.Equal(0, rig.Layer().Transform.X, 9);
    }

    [Fact]
    public void A_path_moves_the_layer_along_it_and_turns_it()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"path","target":"box","points":[[0,0],[100,0],[100,100]],"duration":2,"autoRotate":true}"""));
        rig.RunTo(15); // a quarter of the way: on the first leg
        Assert.Equal((50.0, 0.0, 0.0), (Math.Round(rig.Layer().Transform.X, 3), Math.Round(rig.Layer().Transform.Y, 3), Math.Round(rig.Layer().Transform.Rotation, 3)));
        rig.RunTo(45); // three quarters: halfway down the second leg, heading down (90°)
        Assert.Equal((100.0, 50.0, 90.0), (Math.Round(rig.Layer().Transform.X, 3), Math.Round(rig.Layer().Transform.Y, 3), Math.Round(rig.Layer().Transform.Rotation, 3)));
    }

    [Fact]
    public void An_svg_path_is_followed()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{"kind":"path","target":"box","path":"M 10 10 L 110 10","duration":1}"""));
        rig.RunTo(30);
        Assert.Equal(110, rig.Layer().Transform.X, 3);
    }

    [Fact]
    public void Bad_animations_are_refused_with_the_field_named()
    {
        var rig = new AnimationRig();
        var unknownLayer = Assert.ThrowsAny<FormatException>(() => rig.Start(AnimationRig.Json("""{"kind":"tween","target":"ghost","property":"x","to":1}""")));
        Assert.Contains("target: layer 'ghost' does not exist", unknownLayer.Message);
        var badProperty = Assert.ThrowsAny<FormatException>(() => rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"wobble","to":1}""")));
        Assert.Contains("property 'wobble'", badProperty.Message);
        var badEasing = Assert.ThrowsAny<FormatException>(() => rig.Start(AnimationRig.Json("""{"kind":"tween","target":"box","property":"x","to":1,"easing":"boing"}""")));
        Assert.Contains("easing 'boing' is unknown", badEasing.Message);
        var badKind = Assert.ThrowsAny<FormatException>(() => AnimationRig.Json("""{"kind":"wiggle"}"""));
        Assert.Contains("expected \"kind\"", badKind.Message);
    }
}
