using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Tests;

public sealed class SceneGraphTests
{
    [Fact]
    public async Task Commands_take_effect_only_at_the_frame_boundary()
    {
        var scene = new SceneGraph(10);
        var added = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("a", "#ffffff")));

        Assert.Empty(scene.Layers);
        Assert.False(added.IsCompleted);
        scene.ApplyPending();
        await added;
        Assert.Equal("a", Assert.Single(scene.Layers).State.Id);
    }

    [Fact]
    public async Task Adding_past_MAX_LAYERS_fails_with_a_message_naming_the_limit()
    {
        var scene = new SceneGraph(2);
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("a", "#fff")));
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("b", "#fff")));
        var third = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("c", "#fff")));
        scene.ApplyPending();

        var error = await Assert.ThrowsAsync<SceneException>(() => third);
        Assert.Contains("MAX_LAYERS is 2", error.Message);
        Assert.Equal(2, scene.Layers.Count);
    }

    [Fact]
    public async Task A_merge_patch_changes_only_the_given_fields()
    {
        var scene = new SceneGraph(10);
        var layer = TestLayers.Fill("a", "#ffffff", x: 5, y: 6);
        layer.Props["label"] = "keep me";
        _ = scene.Enqueue(SceneCommand.AddLayer(layer));
        var patched = scene.Enqueue(SceneCommand.PatchLayer("a", JsonNode.Parse("""{"transform":{"x":50},"props":{"color":"#000000"}}""")!.AsObject()));
        scene.ApplyPending();
        await patched;

        var state = scene.Find("a")!.State;
        Assert.Equal(50, state.Transform.X);
        Assert.Equal(6, state.Transform.Y);
        Assert.Equal("#000000", state.Props["color"]!.GetValue<string>());
        Assert.Equal("keep me", state.Props["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patching_a_missing_layer_names_it()
    {
        var scene = new SceneGraph(10);
        var patch = scene.Enqueue(SceneCommand.PatchLayer("ghost", []));
        scene.ApplyPending();

        var error = await Assert.ThrowsAsync<SceneException>(() => patch);
        Assert.Contains("'ghost'", error.Message);
    }

    [Fact]
    public void Equal_z_index_keeps_insertion_order()
    {
        var scene = new SceneGraph(10);
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("first", "#fff", z: 1)));
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("second", "#fff", z: 1)));
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("under", "#fff", z: 0)));
        scene.ApplyPending();

        Assert.Equal(["under", "first", "second"], scene.Layers.Select(l => l.State.Id));
    }

    [Fact]
    public async Task A_read_runs_between_frames_and_changes_nothing()
    {
        var scene = new SceneGraph(10);
        _ = scene.Enqueue(SceneCommand.AddLayer(TestLayers.Fill("a", "#fff")));
        scene.ApplyPending();
        var version = scene.StructureVersion;

        var query = SceneCommand.Read(s => s.Layers.Count);
        _ = scene.Enqueue(query);
        Assert.False(query.Result.IsCompleted);
        scene.ApplyPending();

        Assert.Equal(1, await query.Result);
        Assert.Equal(version, scene.StructureVersion);
    }
}
