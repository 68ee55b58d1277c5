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
    public static SavedScene? For(SavedShow? saved, string scenePath, DateTimeOffset now) => Read(saved, scenePath, now, null, out _);

    /// <summary>
    /// Like <see cref="For"/>, and checks the saved state by the rules the API applies (<paramref name="limitsFor"/>, the
    /// bounds at the frame it will be shown at): whatever the API accepted comes back; anything else is a
    /// <paramref name="problem"/> (then null is returned and the snapshot must be set aside).
    /// </summary>
    public static SavedScene? Read(SavedShow? saved, string scenePath, DateTimeOffset now, Func<SceneState, ShowLimits>? limitsFor, out string? problem)
    {
        problem = null;
        if (saved is null || saved.Scene["source"] is not JsonValue source || !source.TryGetValue<string>(out var path) || path != Path.GetFullPath(scenePath))
            return null;
        var json = (JsonObject)saved.Scene.DeepClone();
        json.Remove("source");
        var scripts = json["scripts"] as JsonObject;
        json.Remove("scripts");
        var parsed = SceneFile.Parse(json.ToJsonString(), maxLayers: int.MaxValue);
        var problems = parsed.Problems.ToList();
        if (parsed.Scene is { } read && limitsFor is not null)
        {
            try { problems.AddRange(ShowStateRules.CheckScene(read, limitsFor(read))); }
            catch (UserInputException e) { problems.AddRange(e.Problems.Select(p => p with { Path = "$.size" })); }
        }
        if (saved.Scene["scripts"] is { } s && s is not JsonObject) problems.Add(new("$.scripts", "expected an object"));
        if (parsed.Scene is { } withAnimations) problems.AddRange(AnimationProblems(withAnimations));
        if (saved.Frame < 0 || saved.Fps is < 1 or > 60) problems.Add(new("$.frame", $"expected a frame >= 0 at 1 to 60 fps, got frame {saved.Frame} at {saved.Fps} fps"));
        if (parsed.Scene is not { } scene || problems.Count > 0)
        {
            problem = string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : "");
            return null;
        }
        var elapsed = Math.Clamp((now - saved.SavedAt).TotalSeconds, 0, 10 * 365 * 86400.0);
        return new SavedScene(scene, saved.Frame + 1 + (long)Math.Round(elapsed * saved.Fps), scripts);
    }

    /// <summary>Running animations and triggers that do not even parse would fail the start itself; they are the snapshot's problems.</summary>
    private static IEnumerable<ValidationProblem> AnimationProblems(SceneState scene)
    {
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < scene.Animations.Count; i++)
            try { AnimationJson.Parse(scene.Animations[i]); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException) { problems.Add(new($"$.animations[{i}]", e.Message)); }
        for (var i = 0; i < scene.Triggers.Count; i++)
            try { AnimationJson.ParseTrigger(scene.Triggers[i]); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException) { problems.Add(new($"$.triggers[{i}]", e.Message)); }
        return problems;
    }
}
