using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Scripting;

namespace StreamEngine.Scripting;

/// <summary>
/// The script API, one instance per loaded version of a script: JavaScript binds to it, a C# script's globals are it.
/// It keeps the script's subscriptions (the partial file) and changes the show through <see cref="ShowAccess"/>.
/// A C# call that overran its budget is abandoned: the API is then revoked, so the runaway call can no longer touch the show.
/// </summary>
internal sealed partial class ScriptApi : ScriptGlobals
{
    private readonly ShowAccess _show;
    private readonly Lock _gate = new();
    private bool _revoked;
    private int _nextAnimation;

    public ScriptApi(string name, ShowAccess show, JsonObject state)
    {
        Name = name;
        _show = show;
        State = state;
        Log = new ScriptLog(show.Loggers.CreateLogger("script"), name);
    }

    public string Name { get; }

    public override JsonObject State { get; }

    public override IScriptLog Log { get; }

    public override FrameTime Now => _show.Now;

    public override IShowValues Values => _show.Values;

    public override IReadOnlyList<string> Scenes() => Guard<IReadOnlyList<string>>(() => _show.SceneNames?.Invoke() ?? []);

    public override bool SwitchScene(string name, string transition = "cut", double seconds = 0) => Guard(() =>
    {
        if (_show.SwitchScene is not { } switchTo || _show.SceneNames?.Invoke().Contains(name) != true) return false;
        Forget(switchTo(name, transition, seconds), $"switch to scene '{name}'");
        return true;
    });

    /// <summary>From now on every call fails: the script was abandoned while a call of it was still running.</summary>
    public void Revoke()
    {
        lock (_gate) _revoked = true;
    }

    public override JsonObject? Layer(string id) => Guard(() => _show.Scene.Find(id) is { } layer ? LayerJson.ToJson(layer.State) : null);

    public override IReadOnlyList<JsonObject> Layers() => Guard<IReadOnlyList<JsonObject>>(() => [.. _show.Scene.Layers.Select(l => LayerJson.ToJson(l.State))]);

    public override void Create(JsonObject layer) => Guard(() =>
    {
        var state = Parse(() => LayerJson.FromJson(layer), "layer");
        _show.CheckType(state.Type);
        _show.Apply(_show.Scene.Find(state.Id) is null
            ? SceneCommand.AddLayer(state)
            : SceneCommand.UpdateLayer(state.Id, next =>
            {
                next.Type = state.Type;
                next.ZIndex = state.ZIndex;
                next.Visible = state.Visible;
                next.Transform = state.Transform.Clone();
                next.Props = (JsonObject)state.Props.DeepClone();
            }));
        return true;
    });

    public override void Update(string id, JsonObject patch) => Guard(() =>
    {
        if (patch["type"] is JsonValue type) _show.CheckType(type.ToString());
        _show.Patch(id, (JsonObject)patch.DeepClone());
        return true;
    });

    public override void Remove(string id) => Guard(() =>
    {
        _show.Apply(SceneCommand.RemoveLayer(id));
        return true;
    });

    public override IScriptAnimation Animate(string layerId, JsonObject spec) => Guard(() =>
    {
        var json = (JsonObject)spec.DeepClone();
        DefaultTarget(json, layerId);
        return Start(json);
    });

    public override IScriptAnimation Timeline(JsonObject spec) => Guard(() => Start((JsonObject)spec.DeepClone()));

    public override void Emit(string eventName) => Guard(() =>
    {
        Forget(_show.Animations.RaiseAsync(eventName), $"event '{eventName}'");
        return true;
    });

    public override void Reply(string text, string? replyTo = null) => Guard(() =>
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000) throw new ScriptApiException("reply: text: expected 1 to 1000 characters");
        var send = _show.SendChat ?? throw new ScriptApiException("reply: this show has no chat sources");
        send(text, replyTo);
        return true;
    });

    public override void Say(string text, double? seconds = null, string? layer = null) => Guard(() =>
    {
        var id = layer ?? _show.Scene.Layers.FirstOrDefault(l => l.State.Type == "host")?.State.Id
            ?? throw new ScriptApiException("say: the scene has no layer of type 'host'; name the character layer: say(text, { layer: 'id' })");
        if (seconds is { } s && (s <= 0 || s > 600 || !double.IsFinite(s))) throw new ScriptApiException($"say: seconds: expected more than 0 and at most 600, got {s}");
        _show.Say(id, text, seconds ?? SpeakingSeconds(text));
        return true;
    });

    public override void PlaySound(string cue, string? channel = null) => Guard(() =>
    {
        _show.PlaySound(cue, channel);
        return true;
    });

    public override void SetAudio(string channel, double? gainDb = null, bool? muted = null) => Guard(() =>
    {
        _show.Mix(channel, gainDb, muted);
        return true;
    });

    public override JsonNode? Call(string behaviour, string method, JsonNode? argument = null) => Guard(() =>
    {
        var target = _show.Behaviour(behaviour) ?? throw new ScriptApiException($"call: no show behaviour '{behaviour}' is running");
        try { return target.Call(method, argument?.DeepClone())?.DeepClone(); }
        catch (Exception e) when (e is not ScriptApiException) { throw new ScriptApiException($"call: {behaviour}.{method}: {e.Message}"); }
    });

    public override string StartOutput(string target) => Guard(() =>
    {
        var outputs = Outputs();
        try { return outputs.Start(target); }
        catch (Exception e) when (e is not ScriptApiException) { throw new ScriptApiException($"startOutput: {e.Message}"); }
    });

    public override void StopOutput(string id) => Guard(() =>
    {
        Outputs().Stop(id);
        return true;
    });

    /// <summary>About how long a line takes to say: 15 characters a second, at least 1.5 s, at most 12 s.</summary>
    internal static double SpeakingSeconds(string text) => Math.Clamp(0.6 + text.Length / 15.0, 1.5, 12);

    private IScriptOutputs Outputs()
    {
        if (!_show.Limits.AllowOutputs)
            throw new ScriptApiException("output control is not allowed for scripts: start the engine with --allow-script-outputs (or SCRIPT_ALLOW_OUTPUTS=true)");
        return _show.Outputs ?? throw new ScriptApiException("outputs can only be controlled in a live show with the control plane (run without --no-api)");
    }

    private ScriptAnimation Start(JsonObject json)
    {
        var id = json["id"]?.GetValue<string>() ?? $"{Name}#{++_nextAnimation}";
        // Finished animations leave the count when their end is delivered (AnimationHandlers); restarting an id replaces it.
        if (_animations.Count >= _show.Limits.MaxAnimations && !_animations.ContainsKey(id))
            throw new ScriptApiException($"animate: this script already runs {_animations.Count} animations, the most a script may; stop some first");
        json["id"] = id;
        var spec = Parse(() => AnimationJson.Parse(json), "animation");
        var handle = new ScriptAnimation(id, this, _show.Animations);
        _animations[id] = handle;
        Forget(_show.Animations.StartAsync(spec, keepWhenDone: false), $"animation '{id}'");
        return handle;
    }

    /// <summary>Leaves a leaf animation's target, or the targets of a timeline's children, to the given layer.</summary>
    private static void DefaultTarget(JsonObject spec, string layerId)
    {
        if (spec["children"] is JsonArray children)
        {
            foreach (var child in children.OfType<JsonObject>()) DefaultTarget(child, layerId);
            return;
        }
        spec["target"] ??= layerId;
    }

    internal void Forget(Task task, string what) => task.ContinueWith(
        t => Log.Error($"{what}: {t.Exception!.InnerException!.Message}"),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static T Parse<T>(Func<T> parse, string what)
    {
        try { return parse(); }
        catch (Exception e) when (e is FormatException or SceneException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new ScriptApiException(e.Message.StartsWith(what, StringComparison.Ordinal) ? e.Message : $"{what}: {e.Message}");
        }
    }

    private T Guard<T>(Func<T> call)
    {
        lock (_gate)
        {
            if (_revoked) throw new ScriptOverrunException(new ScriptError(Name, 0, 0, "the script was disabled while this call was running"));
            return call();
        }
    }
}
