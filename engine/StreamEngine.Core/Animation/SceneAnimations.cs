using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Animation;

/// <summary>The animations and triggers a scene file declares: checked when the file is read, started with the show.</summary>
public static class SceneAnimations
{
    /// <summary>Every problem, with its JSON path: bad JSON shape, unknown layer, property or easing.</summary>
    public static IReadOnlyList<ValidationProblem> Check(SceneState scene, IEasingCatalog easings)
    {
        var graph = new SceneGraph(int.MaxValue, ShowLimits.Unchecked); // only the animations are checked here
        foreach (var layer in scene.Layers) graph.Add(layer.Clone());
        var compiler = new AnimationCompiler(easings, graph);
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < scene.Animations.Count; i++)
            Try(problems, $"$.animations[{i}]", () => compiler.Compile(AnimationJson.Parse(scene.Animations[i]), "animation"));
        for (var i = 0; i < scene.Triggers.Count; i++)
            Try(problems, $"$.triggers[{i}]", () =>
            {
                var trigger = AnimationJson.ParseTrigger(scene.Triggers[i]);
                AnimationRuntime.Check(trigger);
                compiler.Compile(trigger.Animation!, "trigger.animation");
            });
        return problems;
    }

    /// <summary>
    /// Queues the scene's animations and triggers; they start at the next frame (or at their start time), except those
    /// <paramref name="held"/> keeps for later (entrances of layers waiting off air).
    /// </summary>
    public static Task StartAsync(AnimationRuntime runtime, SceneState scene, Func<AnimationSpec, bool>? held = null) => Task.WhenAll(
        scene.Animations.Select(AnimationJson.Parse).Where(a => held?.Invoke(a) != true).Select(a => (Task)runtime.StartAsync(a))
            .Concat(scene.Triggers.Select(t => runtime.AddTriggerAsync(AnimationJson.ParseTrigger(t)))));

    /// <summary>The layers an animation or timeline writes to.</summary>
    public static IEnumerable<string> Targets(AnimationSpec spec) => spec switch
    {
        GroupSpec group => group.Children.SelectMany(Targets).Distinct(),
        LeafSpec leaf => [leaf.Target],
        PathSpec path => [path.Target],
        EffectSpec effect => [effect.Target],
        _ => [],
    };

    /// <summary>Queues a saved show's animations where they were (their playback is in the specs) and its triggers.</summary>
    public static Task RestoreAsync(AnimationRuntime runtime, SceneState scene) => Task.WhenAll(
        scene.Triggers.Select(t => runtime.AddTriggerAsync(AnimationJson.ParseTrigger(t)))
            .Append(runtime.RestoreAsync([.. scene.Animations.Select(a => AnimationJson.Parse(a))])));

    private static void Try(List<ValidationProblem> problems, string path, Action check)
    {
        try { check(); }
        catch (FormatException e) { problems.Add(new ValidationProblem(path, e.Message)); }
    }
}
