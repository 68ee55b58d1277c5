using System.Text.Json.Nodes;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.State;

namespace StreamEngine.Host.Show;

/// <summary>
/// A show's state in the store: the scene file's JSON shape (layers, running animations with their playback,
/// triggers) plus the scene file it came from and the frame it was saved at.
/// </summary>
/// <param name="Scripts">Each script's <c>state</c> object, by script file name.</param>
/// <param name="Scenes">The named scenes and the one on air when it was saved.</param>
internal sealed record SavedScene(SceneState Scene, long Frame, JsonObject? Scripts = null, SceneList? Scenes = null)
{
    public static SavedShow Capture(ShowSession session, FrameTime time)
    {
        var (animations, triggers) = session.Animations.Snapshot();
        var scenes = session.Scenes.Snapshot([.. session.Scene.Layers.Select(l => l.State.Id)]);
        var scene = new JsonObject
        {
            ["source"] = session.Source,
            ["size"] = $"{session.Format.Width}x{session.Format.Height}",
            ["fps"] = session.Format.Fps,
            // Every layer, on air or waiting in another scene, and the scenes: a restart goes on air with the same scene.
            ["layers"] = new JsonArray([.. session.Scene.Layers.Select(l => l.State).Concat(session.Scenes.OffAirLayers())
                .DistinctBy(l => l.Id).Select(l => (JsonNode)LayerJson.ToJson(l))]),
            ["scenes"] = new JsonArray([.. scenes.Scenes.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name, ["layers"] = new JsonArray([.. s.Layers.Select(id => (JsonNode)id)]),
            })]),
            ["onAir"] = scenes.OnAir,
            ["animations"] = new JsonArray([.. animations.Select(AnimationJson.ToJson)]),
            ["triggers"] = new JsonArray([.. triggers.Select(AnimationJson.ToJson)]),
            ["scripts"] = session.Scripts.SaveStates(),
        };
        return new SavedShow(scene, time.Index, time.Fps, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The saved state of <paramref name="scenePath"/>, continuing at the frame the wall clock has reached since it was
    /// saved (a countdown stays right); null when the store holds another scene's state or none.
    /// </summary>
    public static SavedScene? For(SavedShow? saved, string scenePath, DateTimeOffset now)
    {
        if (saved is null || saved.Scene["source"]?.GetValue<string>() != Path.GetFullPath(scenePath)) return null;
        var json = (JsonObject)saved.Scene.DeepClone();
        json.Remove("source");
        var scripts = json["scripts"] as JsonObject;
        json.Remove("scripts");
        var read = SceneFile.Parse(json.ToJsonString());
        if (read.Scene is not { } scene) return null;
        var elapsed = Math.Max(0, (now - saved.SavedAt).TotalSeconds);
        return new SavedScene(scene, saved.Frame + 1 + (long)Math.Round(elapsed * saved.Fps), scripts,
            // A show saved before it had named scenes goes on with the scene file's.
            saved.Scene.ContainsKey("scenes") ? read.Scenes : null);
    }
}
