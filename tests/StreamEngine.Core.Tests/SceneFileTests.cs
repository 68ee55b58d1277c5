using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Tests;

public sealed class SceneFileTests
{
    [Fact]
    public void A_valid_scene_parses_in_the_documented_shape()
    {
        var result = SceneFile.Parse("""
            { "size": "1280x720", "fps": 30,
              "layers": [ { "id": "title", "type": "overlay.text", "zIndex": 10,
                            "transform": { "x": 40, "y": 600, "width": 800, "height": 80, "opacity": 1 },
                            "props": { "text": "Lot 1", "font": { "family": "sans", "size": 48 } } } ] }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var layer = Assert.Single(result.Scene!.Layers);
        Assert.Equal(("title", "overlay.text", 10, 600.0), (layer.Id, layer.Type, layer.ZIndex, layer.Transform.Y));
        Assert.Equal("Lot 1", layer.Props["text"]!.GetValue<string>());
    }

    [Fact]
    public void Every_problem_is_reported_with_its_json_path()
    {
        var result = SceneFile.Parse("""
            { "size": "big", "fps": 90,
              "layers": [ { "id": "a", "type": "fill", "transform": { "opacity": 2, "x": "left" } },
                          { "id": "a", "type": "nope", "colour": "red" } ] }
            """, isKnownType: t => t == "fill");

        var paths = result.Problems.Select(p => p.Path).ToHashSet();
        Assert.Contains("$.size", paths);
        Assert.Contains("$.fps", paths);
        Assert.Contains("$.layers[0].transform.opacity", paths);
        Assert.Contains("$.layers[0].transform.x", paths);
        Assert.Contains("$.layers[1].id", paths);
        Assert.Contains("$.layers[1].type", paths);
        Assert.Contains("$.layers[1].colour", paths);
        Assert.Null(result.Scene);
    }

    [Fact]
    public void Broken_json_is_reported_not_thrown()
    {
        var result = SceneFile.Parse("{ \"layers\": [ ");

        Assert.Contains("not valid JSON", Assert.Single(result.Problems).Message);
    }
}
