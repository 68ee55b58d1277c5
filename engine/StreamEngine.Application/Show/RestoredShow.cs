using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.State;

namespace StreamEngine.Application;

/// <summary>
/// A show's state in the store: the scene file's JSON shape (layers, running animations with their playback,
/// triggers) plus the scene file it came from and the frame it was saved at.
/// </summary>
/// <param name="Scripts">Each script's <c>state</c> object, by script file name.</param>
/// <param name="Scenes">The named scenes and the one on air when it was saved.</param>
/// <param name="Mix">The sound's channel levels (gain, mute) as the API and scripts left them (<see cref="SavedMix"/>).</param>
public sealed record RestoredShow(SceneState Scene, long Frame, JsonObject? Scripts = null, SceneList? Scenes = null, JsonObject? Mix = null)
{
    public static ShowSnapshot Capture(ShowRuntime session, FrameTime time)
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
        if (SavedMix.Capture(session.Audio) is { } mix) scene["mix"] = mix;
        return new ShowSnapshot(scene, time.Index, time.Fps, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The saved state of <paramref name="scenePath"/>, continuing at the frame the wall clock has reached since it was
    /// saved (a countdown stays right); null when the store holds another scene's state or none.
    /// </summary>
    public static RestoredShow? For(ShowSnapshot? saved, string scenePath, DateTimeOffset now) => Read(saved, scenePath, now, null, out _);

    /// <summary>
    /// Like <see cref="For"/>, and checks the saved state by the rules the API applies (<paramref name="limitsFor"/>, the
    /// bounds at the frame it will be shown at): whatever the API accepted comes back; anything else is a
    /// <paramref name="problem"/> (then null is returned and the snapshot must be set aside).
    /// </summary>
    public static RestoredShow? Read(ShowSnapshot? saved, string scenePath, DateTimeOffset now, Func<SceneState, ShowLimits>? limitsFor, out string? problem)
    {
        problem = null;
        if (saved is null || saved.Scene["source"] is not JsonValue source || !source.TryGetValue<string>(out var path) || path != Path.GetFullPath(scenePath))
            return null;
        var json = (JsonObject)saved.Scene.DeepClone();
        json.Remove("source");
        var scripts = json["scripts"] as JsonObject;
        json.Remove("scripts");
        var mix = json["mix"];
        json.Remove("mix");
        var parsed = SceneFile.Parse(json.ToJsonString(), maxLayers: int.MaxValue);
        var problems = parsed.Problems.ToList();
        if (parsed.Scene is { } read && limitsFor is not null)
        {
            try { problems.AddRange(ShowStateRules.CheckScene(read, limitsFor(read))); }
            catch (UserInputException e) { problems.AddRange(e.Problems.Select(p => p with { Path = "$.size" })); }
        }
        if (saved.Scene["scripts"] is { } s && s is not JsonObject) problems.Add(new("$.scripts", "expected an object"));
        problems.AddRange(SavedMix.Check(mix));
        if (parsed.Scene is { } withAnimations) problems.AddRange(AnimationProblems(withAnimations));
        if (saved.Frame < 0 || saved.Fps is < 1 or > 60) problems.Add(new("$.frame", $"expected a frame >= 0 at 1 to 60 fps, got frame {saved.Frame} at {saved.Fps} fps"));
        if (parsed.Scene is not { } scene || problems.Count > 0)
        {
            problem = string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : "");
            return null;
        }
        var elapsed = Math.Clamp((now - saved.SavedAt).TotalSeconds, 0, 10 * 365 * 86400.0);
        return new RestoredShow(scene, saved.Frame + 1 + (long)Math.Round(elapsed * saved.Fps), scripts,
            // A show saved before it had named scenes goes on with the scene file's.
            saved.Scene.ContainsKey("scenes") ? parsed.Scenes : null, mix as JsonObject);
    }

    /// <summary>
    /// The saved state of this scene, or null (nothing saved, another scene's state, or the store is unreachable: then
    /// logged). A snapshot that is corrupt or fails the show's rules is set aside with a log line saying where and why,
    /// and the show starts from its scene file: a bad snapshot never stops a start.
    /// </summary>
    /// <param name="limitsFor">The bounds of show state at the frame a scene will be shown at.</param>
    public static async Task<RestoredShow?> LoadAsync(IStateStore store, string scenePath, Func<SceneState, ShowLimits> limitsFor, ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            RestoredShow? saved;
            string? problem;
            try { saved = Read(await store.LoadShowAsync(cancellationToken), scenePath, DateTimeOffset.UtcNow, limitsFor, out problem); }
            catch (CorruptSnapshotException e) { (saved, problem) = (null, e.Message); }
            if (problem is not null)
            {
                var aside = await store.SetAsideShowAsync(problem, cancellationToken);
                logger.LogError("The saved show in {Store} is invalid ({Problem}); it was moved aside to {Aside} and the show starts from {Scene}",
                    store.Description, problem, aside, scenePath);
                return null;
            }
            if (saved is not null)
                logger.LogInformation("Restoring the show from {Store}: {Layers} layers, {Animations} animations, at frame {Frame}",
                    store.Description, saved.Scene.Layers.Count, saved.Scene.Animations.Count, saved.Frame);
            return saved;
        }
        catch (StoreUnavailableException e)
        {
            logger.LogError("Cannot read the saved show from {Store} ({Reason}); starting from the scene file", store.Description, e.Message);
            return null;
        }
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
