using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;

namespace StreamEngine.Application;

/// <summary>
/// Scene switches asked for by scripts and behaviours in an offline render, which has no control plane: applied at the
/// next frame with their transition, as a live show applies them, so a render of a show that opens on its intro and
/// goes to the auction when the lot opens shows that, the same frames every time. Runs on the frame thread.
/// </summary>
public static class OfflineSceneSwitch
{
    public static void Attach(ShowRuntime show, FramePipeline pipeline)
    {
        if (show.Access is not { } access) return;
        access.SwitchScene = (name, transition, seconds) =>
        {
            if (show.Scenes.Find(name) is not { } scene) return Task.CompletedTask;
            if (!Enum.TryParse<TransitionKind>(transition, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) kind = TransitionKind.Cut;
            var curve = new SceneTransition(kind, Math.Clamp(double.IsFinite(seconds) ? seconds : 0, 0, 60), show.Plugins.Resolve("easeInOutSine"));
            var lineup = name == show.Scenes.OnAir ? [.. show.Scene.Layers.Select(l => l.State.Id)] : scene.Layers;
            return pipeline.SwitchSceneAsync(SceneCommand.Lineup(lineup, show.Scenes.OffAir, show.Scenes.LeftAir, previous => show.Scenes.WentOnAir(name, previous)), curve);
        };
    }
}
