using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Core.Tests.Animation;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Tests;

/// <summary>The one validator of show state, as every front door meets it: through the scene graph's add, replace and load.</summary>
public sealed class ShowStateRulesTests
{
    private static readonly ShowLimits Limits = ShowLimits.ForFrame(320, 180, rasterBudgetMb: 16);
    private readonly SceneGraph _scene = new(10, Limits);

    private SceneException Refused(SceneCommand command)
    {
        var done = _scene.Enqueue(command);
        _scene.ApplyPending();
        return Assert.IsType<SceneException>(done.Exception?.InnerException);
    }

    private static LayerState Shape(string id = "box", double w = 40, double h = 40) => new()
    {
        Id = id, Type = "shape", Transform = new LayerTransform { Width = w, Height = h }, Props = new JsonObject { ["fill"] = "#ffffff" },
    };

    [Fact]
    public void A_layer_of_a_billion_pixels_is_refused_naming_its_width_and_the_limit()
    {
        var e = Refused(SceneCommand.AddLayer(Shape(w: 1e9, h: 1e9)));

        Assert.Equal("transform.width", e.Field);
        Assert.Contains("from 0 to 640", e.Message); // twice the 320 px frame
        Assert.Contains("transform.height", e.Message);
        Assert.Empty(_scene.Layers);
    }

    [Theory]
    [InlineData("""{ "transform": { "opacity": 1.5 } }""", "transform.opacity")]
    [InlineData("""{ "transform": { "x": 1e300 } }""", "transform.x")]
    [InlineData("""{ "transform": { "scaleX": -1e9 } }""", "transform.scaleX")]
    [InlineData("""{ "zIndex": 2000000000 }""", "zIndex")]
    [InlineData("""{ "props": { "items": [[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]] } }""", "props.items")]
    public void A_patch_out_of_bounds_is_refused_naming_the_field_and_the_layer_stays_as_it_was(string patch, string field)
    {
        _scene.Enqueue(SceneCommand.AddLayer(Shape()));
        _scene.ApplyPending();

        var e = Refused(SceneCommand.PatchLayer("box", JsonNode.Parse(patch)!.AsObject()));

        Assert.StartsWith(field, e.Field);
        Assert.Equal(1, _scene.Find("box")!.State.Transform.Opacity);
        Assert.Equal(0, _scene.Find("box")!.State.Transform.X);
    }

    [Fact]
    public void Texts_and_arrays_in_props_are_bounded()
    {
        var text = Shape();
        text.Props["text"] = new string('a', Limits.MaxTextLength + 1);
        Assert.Equal("props.text", Refused(SceneCommand.AddLayer(text)).Field);

        var list = Shape();
        list.Props["points"] = new JsonArray([.. Enumerable.Range(0, Limits.MaxArrayLength + 1).Select(i => (JsonNode)i)]);
        Assert.Equal("props.points", Refused(SceneCommand.AddLayer(list)).Field);
    }

    [Fact]
    public void Layers_whose_rasters_together_exceed_the_budget_are_refused_and_a_refused_scene_load_leaves_the_show_as_it_was()
    {
        // 1 MB holds one 320x180 raster (225 KB) and not eight more of 640x360 (900 KB each).
        var tight = new SceneGraph(10, ShowLimits.ForFrame(320, 180, rasterBudgetMb: 1));
        tight.Enqueue(SceneCommand.AddLayer(Shape("a", 320, 180)));
        tight.ApplyPending();
        var one = tight.Enqueue(SceneCommand.AddLayer(Shape("b", 640, 360)));
        var big = Enumerable.Range(0, 8).Select(i => Shape($"big{i}", 640, 360)).ToList();

        var load = tight.Enqueue(SceneCommand.LoadLayers(big));
        tight.ApplyPending();

        Assert.Contains("RASTER_BUDGET_MB", Assert.IsType<SceneException>(one.Exception?.InnerException).Message);
        var e = Assert.IsType<SceneException>(load.Exception?.InnerException);
        Assert.Contains("RASTER_BUDGET_MB", e.Message);
        Assert.Equal("a", Assert.Single(tight.Layers).State.Id);
    }

    [Fact]
    public void A_tween_from_minus_1e308_to_1e308_never_puts_an_infinity_into_the_scene()
    {
        var rig = new AnimationRig();
        rig.Start(AnimationRig.Json("""{ "kind": "tween", "target": "box", "property": "x", "from": -1e308, "to": 1e308, "duration": 1 }"""));
        rig.Start(AnimationRig.Json("""{ "kind": "tween", "target": "box", "property": "props.size", "from": -1e308, "to": 1e308, "duration": 1, "easing": "easeInQuad" }"""));

        for (var i = 0; i < 40; i++)
        {
            rig.RunTo(rig.Frame);
            var layer = rig.Layer();
            Assert.True(double.IsFinite(layer.Transform.X), $"frame {rig.Frame}: x = {layer.Transform.X}");
            Assert.True(Math.Abs(layer.Transform.X) <= rig.Scene.Limits.MaxCoordinate, $"frame {rig.Frame}: x = {layer.Transform.X}");
            Assert.Empty(ShowStateRules.Check(layer, rig.Scene.Limits));
            _ = LayerJson.ToJson(layer).ToJsonString(); // serializable: the API can answer
        }
    }
}
