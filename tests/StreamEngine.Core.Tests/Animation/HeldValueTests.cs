namespace StreamEngine.Core.Tests.Animation;

/// <summary>An animation that writes the value a layer already has does not make the layer render again.</summary>
public sealed class HeldValueTests
{
    [Fact]
    public void Stepped_keyframes_on_props_change_the_layer_content_only_at_each_step()
    {
        var rig = new AnimationRig();
        var layer = rig.Scene.Find("box")!;
        rig.Start(AnimationRig.Json("""
            {"kind":"keyframes","target":"box","property":"props.state","keyframes":[
              {"at":0,"value":"idle"},{"at":1,"value":"idle"},{"at":1,"value":"talking"},{"at":2,"value":"talking"}]}
            """));
        var before = layer.ContentVersion;

        rig.RunTo(29);
        Assert.Equal(before, layer.ContentVersion);
        rig.RunTo(45);
        Assert.Equal(before + 1, layer.ContentVersion);
        Assert.Equal("talking", rig.Layer().Props["state"]!.GetValue<string>());
    }
}
