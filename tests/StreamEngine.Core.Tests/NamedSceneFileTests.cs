using StreamEngine.Core.Scene;

namespace StreamEngine.Core.Tests;

public sealed class NamedSceneFileTests
{
    private const string Layers = """
        "layers": [ { "id": "bg", "type": "fill" }, { "id": "title", "type": "fill" }, { "id": "chat", "type": "fill" } ]
        """;

    [Fact]
    public void Scenes_name_sets_of_the_layers_and_one_is_on_air()
    {
        var result = SceneFile.Parse($$"""
            { {{Layers}},
              "scenes": [ { "name": "Intro", "layers": ["bg", "title", "chat"] }, { "name": "Break", "layers": ["bg", "chat"] } ],
              "onAir": "Break" }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(3, result.Scene!.Layers.Count);
        Assert.Equal("Break", result.Scenes!.OnAir);
        Assert.Equal(["bg", "chat"], result.Scenes.Find("Break")!.Layers);
        Assert.Equal(["Intro", "Break"], result.Scenes.Scenes.Select(s => s.Name));
    }

    [Fact]
    public void A_file_without_scenes_is_one_scene_named_Main_with_every_layer()
    {
        var result = SceneFile.Parse($$"""{ {{Layers}} }""");

        var main = Assert.Single(result.Scenes!.Scenes);
        Assert.Equal(("Main", "Main"), (main.Name, result.Scenes.OnAir));
        Assert.Equal(["bg", "title", "chat"], main.Layers);
    }

    [Fact]
    public void Without_onAir_the_first_scene_is_on_air()
    {
        var result = SceneFile.Parse($$"""{ {{Layers}}, "scenes": [ { "name": "Intro", "layers": ["bg"] }, { "name": "Outro", "layers": [] } ] }""");

        Assert.Equal("Intro", result.Scenes!.OnAir);
    }

    [Fact]
    public void Scene_mistakes_are_reported_with_their_json_path()
    {
        var result = SceneFile.Parse($$"""
            { {{Layers}},
              "scenes": [ { "name": "Intro", "layers": ["bg", "ghost", "bg"] }, { "name": "Intro", "layers": "chat", "colour": 1 }, { "name": "" } ],
              "onAir": "Outro" }
            """);

        var problems = result.Problems.ToDictionary(p => p.Path, p => p.Message);
        Assert.Contains("layer 'ghost' is not in $.layers", problems["$.scenes[0].layers[1]"]);
        Assert.Contains("listed twice", problems["$.scenes[0].layers[2]"]);
        Assert.Contains("duplicate scene name 'Intro'", problems["$.scenes[1].name"]);
        Assert.Contains("expected an array of layer ids", problems["$.scenes[1].layers"]);
        Assert.True(problems.ContainsKey("$.scenes[1].colour"));
        Assert.Contains("non-empty name", problems["$.scenes[2].name"]);
        Assert.Contains("'Outro' is not a scene", problems["$.onAir"]);
        Assert.Null(result.Scene);
    }
}
