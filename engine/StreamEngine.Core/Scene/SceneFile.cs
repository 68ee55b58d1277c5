using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>Reads and checks scene files, reporting every problem with its JSON path.</summary>
public static class SceneFile
{
    public sealed record Result(SceneState? Scene, IReadOnlyList<ValidationProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;

        /// <summary>The named scenes and the one on air (one scene, "Main", when the file declares none); null when invalid.</summary>
        public SceneList? Scenes { get; init; }
    }

    public static Result Load(string path, Func<string, bool>? isKnownType = null, int maxLayers = 100)
    {
        if (!File.Exists(path)) return Fail("$", $"scene file '{path}' does not exist");
        return Parse(File.ReadAllText(path), isKnownType, maxLayers);
    }

    public static Result Parse(string json, Func<string, bool>? isKnownType = null, int maxLayers = 100)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { return Fail("$", $"not valid JSON: {e.Message}"); }
        if (root is not JsonObject obj) return Fail("$", "expected a JSON object with \"layers\"");

        var problems = new List<ValidationProblem>();
        SceneRules.CheckScene(obj, problems, isKnownType, maxLayers);
        if (problems.Count > 0) return new Result(null, problems);
        try
        {
            var scenes = SceneRules.ReadSceneList(obj);
            var layers = (JsonObject)obj.DeepClone();
            layers.Remove("scenes");
            layers.Remove("onAir");
            return new Result(layers.Deserialize<SceneState>(LayerJson.Options), problems) { Scenes = scenes };
        }
        catch (JsonException e)
        {
            return Fail(e.Path ?? "$", e.Message);
        }
    }

    private static Result Fail(string path, string message) => new(null, [new ValidationProblem(path, message)]);
}
