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
internal sealed record SavedScene(SceneState Scene, long Frame, JsonObject? Scripts = null)
{
    public static SavedShow Capture(ShowSession session, FrameTime time)
    {
        var (animations, triggers) = session.Animations.Snapshot();
        var scene = new JsonObject
        {
            ["source"] = session.Source,
            ["size"] = $"{session.Format.Width}x{session.Format.Height}",
            ["fps"] = session.Format.Fps,
            ["layers"] = new JsonArray([.. session.Scene.Layers.Select(l => (JsonNode)LayerJson.ToJson(l.State))]),
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
        var scene = SceneFile.Parse(json.ToJsonString()).Scene;
        if (scene is null) return null;
        var elapsed = Math.Max(0, (now - saved.SavedAt).TotalSeconds);
        return new SavedScene(scene, saved.Frame + 1 + (long)Math.Round(elapsed * saved.Fps), scripts);
    }
}
