using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Core.Scene;

internal static partial class SceneRules
{
    /// <summary><c>scenes</c>: named sets of the declared layers; <c>onAir</c>: one of their names.</summary>
    private static void CheckNamedScenes(JsonObject scene, HashSet<string> layerIds, List<ValidationProblem> problems)
    {
        var names = new HashSet<string>();
        if (scene["scenes"] is { } node)
        {
            if (node is not JsonArray scenes)
            {
                problems.Add(new("$.scenes", "expected an array of {\"name\": \"Intro\", \"layers\": [\"bg\", \"title\"]}"));
                return;
            }
            if (scenes.Count is 0 or > SceneList.MaxScenes)
                problems.Add(new("$.scenes", $"expected 1 to {SceneList.MaxScenes} scenes, got {scenes.Count}"));
            for (var i = 0; i < scenes.Count; i++) CheckNamedScene(scenes[i], $"$.scenes[{i}]", layerIds, names, problems);
        }
        if (scene["onAir"] is { } onAir)
        {
            if (!IsNonEmptyString(onAir, out var name)) problems.Add(new("$.onAir", "expected the name of a scene"));
            else if (scene["scenes"] is null ? name != SceneList.DefaultName : !names.Contains(name))
                problems.Add(new("$.onAir", $"'{name}' is not a scene; scenes: {(names.Count == 0 ? SceneList.DefaultName : string.Join(", ", names))}"));
        }
    }

    private static void CheckNamedScene(JsonNode? node, string path, HashSet<string> layerIds, HashSet<string> names, List<ValidationProblem> problems)
    {
        if (node is not JsonObject named)
        {
            problems.Add(new(path, "expected {\"name\": \"Intro\", \"layers\": [\"bg\", \"title\"]}"));
            return;
        }
        UnknownFields(named, path, ["name", "layers"], problems);
        if (!IsSceneName(named["name"], out var name)) problems.Add(new($"{path}.name", $"expected a non-empty name of at most {SceneList.MaxName} characters"));
        else if (!names.Add(name)) problems.Add(new($"{path}.name", $"duplicate scene name '{name}'"));
        if (named["layers"] is not JsonArray layers)
        {
            problems.Add(new($"{path}.layers", "expected an array of layer ids"));
            return;
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < layers.Count; i++)
        {
            if (!IsNonEmptyString(layers[i], out var id)) problems.Add(new($"{path}.layers[{i}]", "expected a layer id"));
            else if (!layerIds.Contains(id)) problems.Add(new($"{path}.layers[{i}]", $"layer '{id}' is not in $.layers"));
            else if (!seen.Add(id)) problems.Add(new($"{path}.layers[{i}]", $"layer '{id}' is listed twice"));
        }
    }

    public static bool IsSceneName(JsonNode? node, out string name) =>
        IsNonEmptyString(node, out name) && name.Length <= SceneList.MaxName && !name.Any(char.IsControl);

    /// <summary>The scenes of a checked document: as declared, or one scene with every layer.</summary>
    public static SceneList ReadSceneList(JsonObject scene)
    {
        var layerIds = ((JsonArray)scene["layers"]!).Select(l => l!["id"]!.GetValue<string>());
        if (scene["scenes"] is not JsonArray scenes) return SceneList.Single(layerIds);
        var list = scenes.Select(s => new NamedScene(s!["name"]!.GetValue<string>(),
            [.. ((JsonArray)s["layers"]!).Select(id => id!.GetValue<string>())])).ToList();
        return new SceneList(list, scene["onAir"]?.GetValue<string>() ?? list[0].Name);
    }
}
