using StreamEngine.Application;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.Fuzz;

/// <summary>What the generators know of the show under test, read once from its scene file: layer ids, and the layers to put back.</summary>
/// <param name="Files">A folder of the fuzzer's own where file outputs may be written (nothing else on disk is ever named as an output).</param>
internal sealed record ShowFacts(IReadOnlyList<string> LayerIds, string SceneLayers, IReadOnlyList<string> Animations, string Files)
{
    public static readonly string[] LayerTypes = ["background", "chat", "image", "shape", "overlay.text", "feed", "assistant", "host", "animation"];

    public static ShowFacts Read(string scenePath, string files)
    {
        var scene = JsonNode.Parse(File.ReadAllText(scenePath)) as JsonObject ?? [];
        var layers = scene["layers"] as JsonArray ?? [];
        var ids = layers.Select(l => l?["id"]?.GetValue<string>()).OfType<string>().ToList();
        var animations = (scene["animations"] as JsonArray ?? []).Select(a => a?["id"]?.GetValue<string>()).OfType<string>().ToList();
        return new ShowFacts(ids.Count > 0 ? ids : ["layer"], layers.ToJsonString(), animations.Count > 0 ? animations : ["animation"], files);
    }
}
