using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Scripting;

/// <summary>
/// The show as every script reaches it: the scene (changed through the same scene commands the control plane queues,
/// applied at once because scripts run on the frame thread), the animation runtime, outputs, and what the host
/// character is saying. Frame thread only.
/// </summary>
public sealed partial class ShowAccess(SceneGraph scene, AnimationRuntime animations, Func<string, bool> isKnownLayerType, ScriptLimits limits, ILoggerFactory loggers)
{
    private readonly Dictionary<string, double> _speechEnds = new(StringComparer.Ordinal);

    public SceneGraph Scene => scene;
    public AnimationRuntime Animations => animations;
    /// <summary>What scripts may spend; set before the first frame (an offline render lifts the time budgets).</summary>
    public ScriptLimits Limits { get; set; } = limits;
    public ILoggerFactory Loggers => loggers;

    /// <summary>The values plugins share in this show; chat sources get them too.</summary>
    public ShowValues Values { get; } = new();

    /// <summary>Set by the host once outputs can be controlled (with the control plane); null before.</summary>
    public IScriptOutputs? Outputs { get; set; }

    /// <summary>
    /// Changes a layer of a named scene that is off air, where it waits (set by the host); false when there is no such
    /// layer. So a script keeps its layers current while another scene is on air, without an error.
    /// </summary>
    public Func<string, JsonObject, bool>? PatchOffAir { get; set; }

    /// <summary>The names of the show's named scenes (set by the host); null when it has none to offer.</summary>
    public Func<IReadOnlyList<string>>? SceneNames { get; set; }

    /// <summary>Puts a named scene on air with a transition kind and duration (set by the host with its control plane; null in a render).</summary>
    public Func<string, string, double, Task>? SwitchScene { get; set; }

    /// <summary>Sends a message through the chat sources that can send (set by the host with its chat sources); null before.</summary>
    public Action<string, string?>? SendChat { get; set; }

    /// <summary>A JSON merge patch to a layer, on screen or waiting off air.</summary>
    internal void Patch(string layerId, JsonObject patch)
    {
        try
        {
            if (scene.Find(layerId) is null && PatchOffAir?.Invoke(layerId, patch) == true) return;
        }
        catch (Exception e) when (e is SceneException or System.Text.Json.JsonException) { throw new ScriptApiException(e.Message); }
        Apply(SceneCommand.PatchLayer(layerId, patch));
    }

    /// <summary>The running show behaviour with an id, for scripts' <c>Call</c> (set by the host; none by default).</summary>
    public Func<string, Sdk.Behaviours.IShowBehaviour?> Behaviour { get; set; } = _ => null;

    /// <summary>The frame being prepared.</summary>
    public FrameTime Now { get; internal set; }

    internal void Apply(SceneCommand command)
    {
        scene.Enqueue(command);
        scene.ApplyPending();
        if (command.Completion.Exception?.InnerException is { } e) throw new ScriptApiException(e.Message);
    }

    internal void CheckType(string type)
    {
        if (!isKnownLayerType(type)) throw new ScriptApiException($"unknown layer type '{type}'");
    }

    /// <summary>Starts the character talking; it goes back to idle at the given show time (a later line moves that on).</summary>
    internal void Say(string layerId, string text, double seconds)
    {
        if (SayAloud(layerId, text, seconds)) return;
        ShowLine(layerId, text, seconds);
    }

    private void ShowLine(string layerId, string text, double seconds)
    {
        Patch(layerId, new JsonObject
        {
            ["props"] = new JsonObject { ["state"] = "talking", ["speech"] = new JsonObject { ["text"] = text } },
        });
        _speechEnds[layerId] = Now.Seconds + seconds;
    }

    /// <summary>Ends the lines whose time is up: the character is idle again, without speech.</summary>
    internal void EndSpeeches()
    {
        StartVoicedLines();
        if (_speechEnds.Count == 0) return;
        foreach (var (layerId, end) in _speechEnds.ToList())
        {
            if (end > Now.Seconds + 1e-9) continue;
            _speechEnds.Remove(layerId);
            if (scene.Find(layerId) is null) continue;
            Apply(SceneCommand.PatchLayer(layerId, new JsonObject { ["props"] = new JsonObject { ["state"] = "idle", ["speech"] = null } }));
        }
    }
}
