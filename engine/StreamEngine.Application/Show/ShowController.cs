using StreamEngine.Plugins;
using StreamEngine.Core.Chat;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Clock;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Scripting;

namespace StreamEngine.Application;

/// <summary>
/// The running show as the control plane sees it: every request becomes a queued command applied at a frame
/// boundary, and completes once the frame thread has applied it (and, with a state store, once it is saved).
/// </summary>
public sealed partial class ShowController(ShowRuntime session, IEncoder encoder, LiveFrameClock clock) : IShowControl
{
    /// <summary>
    /// Awaited after every mutation: the persistence layer saves the change before it is acknowledged, and answers why
    /// it could not (the store is down), which goes on the request's <see cref="SaveReceipt"/>.
    /// </summary>
    public Func<CancellationToken, Task<string?>>? AfterMutation { get; set; }

    public ShowInfo Info
    {
        get
        {
            var format = session.Format;
            return new ShowInfo(format.Width, format.Height, format.Fps, clock.FrameIndex, (double)clock.FrameIndex / format.Fps,
                session.Scene.Layers.Count, session.Scene.MaxLayers);
        }
    }

    // Animations change layers in place on the frame thread: reads happen there too, between frames.
    public Task<IReadOnlyList<LayerState>> LayersAsync() =>
        Read<IReadOnlyList<LayerState>>(scene => [.. scene.Layers.Select(l => l.State.Clone())]);

    /// <summary>A layer on screen, or one waiting off air in another named scene.</summary>
    public async Task<LayerState?> LayerAsync(string id) => await Read(scene => scene.Find(id)?.State.Clone()) ?? session.Scenes.OffAir(id);

    private Task<T> Read<T>(Func<SceneGraph, T> read)
    {
        var query = SceneCommand.Read(read);
        return WhileTicking(() =>
        {
            _ = session.Scene.Enqueue(query);
            return query.Result;
        });
    }

    public async Task<LayerState> AddLayerAsync(LayerState layer)
    {
        if (session.Plugins.Find(layer.Type) is null)
            throw new ShowRequestException(RequestFailure.Invalid, $"unknown layer type '{layer.Type}'; known: {string.Join(", ", session.Plugins.LayerTypeNames.Order())}", "type");
        if (session.Scenes.OffAir(layer.Id) is not null)
            throw new ShowRequestException(RequestFailure.Conflict, $"layer '{layer.Id}' exists in a scene off air; PUT /api/scenes/{session.Scenes.OnAir} can add it to this one", "id");
        await Apply(SceneCommand.AddLayer(layer));
        var added = (await LayerAsync(layer.Id))!;
        PublishLayer("LayerCreated", layer.Id, added);
        return added;
    }

    public async Task<LayerState> PatchLayerAsync(string id, JsonObject patch)
    {
        if (patch["type"] is JsonValue type && session.Plugins.Find(type.ToString()) is null)
            throw new ShowRequestException(RequestFailure.Invalid, $"unknown layer type '{type}'", "type");
        if (await PatchOffAirAsync(id, patch) is { } waiting) return waiting;
        await Apply(SceneCommand.PatchLayer(id, patch));
        var changed = (await LayerAsync(id))!;
        PublishLayer("LayerChanged", id, changed);
        if (patch.ContainsKey("visible")) PublishVisibility(id, changed.Visible);
        return changed;
    }

    public async Task RemoveLayerAsync(string id)
    {
        await Apply(SceneCommand.RemoveLayer(id));
        session.Scenes.Forget(id);
        PublishLayer("LayerRemoved", id, null);
    }

    public async Task ReorderAsync(IReadOnlyList<string> bottomToTop)
    {
        await Apply(SceneCommand.Reorder(bottomToTop));
        Publish(EventCategory.Layers, "LayersReordered", new JsonObject { ["order"] = new JsonArray([.. bottomToTop.Select(id => (JsonNode)id)]) });
    }

    public async Task SwitchSceneAsync(IReadOnlyList<LayerState> layers, string transition, double seconds, string easing)
    {
        var curve = await Transition(transition, seconds, easing);
        var unknown = layers.FirstOrDefault(l => session.Plugins.Find(l.Type) is null);
        if (unknown is not null) throw new ShowRequestException(RequestFailure.Invalid, $"layer '{unknown.Id}': unknown layer type '{unknown.Type}'", "layers");
        // The on-air scene is what is on screen: these layers become its layers.
        await ChangeScenesAsync(() => Run(() => clock.Pipeline.SwitchSceneAsync(layers, curve)));
        await Saved();
        Publish(EventCategory.Layers, "SceneSwitched", new JsonObject
        {
            ["sceneName"] = session.Scenes.OnAir, ["transition"] = curve.Kind.ToString().ToLowerInvariant(), ["layers"] = layers.Count,
        });
    }

    public async Task<string> StartAnimationAsync(JsonObject animation)
    {
        var id = await Run(() => session.Animations.StartAsync(AnimationJson.Parse(animation)));
        await Saved();
        return id;
    }

    public async Task ControlAnimationAsync(string id, AnimationControl control)
    {
        var animations = session.Animations;
        await Run(() => control.Action switch
        {
            "pause" => animations.PauseAsync(id),
            "resume" => animations.ResumeAsync(id),
            "stop" => animations.StopAsync(id),
            "reverse" => animations.ReverseAsync(id),
            "seek" => animations.SeekAsync(id, control.Seconds, control.Label),
            "speed" => animations.SetSpeedAsync(id, control.Speed ?? throw new ShowRequestException(RequestFailure.Invalid, "speed: expected a number", "speed")),
            var other => throw new ShowRequestException(RequestFailure.Invalid, $"action '{other}': expected pause, resume, stop, reverse, seek or speed", "action"),
        });
        await Saved();
    }

    public async Task<IReadOnlyList<JsonObject>> AnimationsAsync() =>
        [.. (await WhileTicking(session.Animations.SnapshotAsync)).Select(a => AnimationJson.ToJson(a).AsObject())];

    public Task RaiseEventAsync(string name) => Run(() => session.Animations.RaiseAsync(name));

    /// <summary>Posts the message to the chat feed; its event goes out when it enters the show (see <c>OnChatMessage</c>).</summary>
    public Task InjectChatAsync(ChatInput message)
    {
        session.Chat.Post(new ChatPost("api", message.Author, message.Text, message.Badges, message.Color, message.Highlight));
        return Task.CompletedTask;
    }

    /// <summary>Removes a message from the show's chat (and the chat layer) at the next frame, as a platform's deletion does.</summary>
    public Task RemoveChatMessageAsync(string id)
    {
        if (!session.Chat.Contains(id)) throw new ShowRequestException(RequestFailure.NotFound, $"no chat message with id '{id}' is in the show", "id");
        session.Chat.Retract(new ChatRetraction(null, id, null));
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutputInfo> Outputs() =>
        [.. encoder.ListOutputs().Select(o => new OutputInfo(o.Id, o.Target, o.State.ToString(), o.Reconnects, o.BytesSent, o.LastError, o.Rendition, o.Health, o.VideoBitrateKbps))];

    /// <summary>Where outputs added over the API or by scripts may write, and how many there may be.</summary>
    public required RecordingsFolder Recordings { get; init; }

    public Task<string> AddOutputAsync(string target, bool overwrite = false, OutputRendition? rendition = null)
    {
        if (rendition is not null && OutputRenditions.Check(rendition, session.Format) is [var problem, ..])
            throw new ShowRequestException(RequestFailure.Invalid, problem.Problem, problem.Field);
        if (rendition is { Adaptive: true } && !OutputRenditions.IsIngest(target))
            throw new ShowRequestException(RequestFailure.Invalid,
                "rendition.adaptive is true for a file, and a recording never adapts; expected an rtmp://, rtmps:// or srt:// target", "rendition.adaptive");
        var placed = Recordings.Place(target, overwrite, encoder.ListOutputs().Count);
        try { return Task.FromResult(rendition is null ? encoder.AddOutput(placed, overwrite) : encoder.AddRenditionOutput(placed, rendition, overwrite)); }
        catch (FormatException e) { throw new ShowRequestException(RequestFailure.Invalid, e.Message, e.Message.StartsWith("rendition", StringComparison.Ordinal) ? e.Message.Split(' ', 2)[0].TrimEnd(':', ';', ',') : "target"); }
        catch (NotSupportedException e) { throw new ShowRequestException(RequestFailure.Invalid, $"rendition: {e.Message} (ENCODER)", "rendition"); }
    }

    public string HlsFile(string path) => Recordings.HlsFile(path);

    public async Task RemoveOutputAsync(string id)
    {
        if (!await encoder.RemoveOutputAsync(id)) throw new ShowRequestException(RequestFailure.NotFound, $"output '{id}' does not exist or cannot be removed while running", "id");
    }

    public StatsInfo Stats()
    {
        var stats = session.Stats;
        return new StatsInfo(stats.Frames, stats.Dropped, stats.RenderMsPercentile(50), stats.RenderMsPercentile(99),
            stats.JitterMsPercentile(99), session.Animations.Count, stats.DroppedEncoderFull, stats.DroppedLate, encoder.Stats().QueuedFrames,
            session.Chat.LastSequence, session.Compositor.Services.Resources.Bytes,
            session.Reloader?.Reloads ?? 0, session.Reloader?.Unloads.Unloaded ?? 0, session.Reloader?.Unloads.StillLoaded ?? 0,
            stats.EncoderGaps, Math.Round(stats.LongestEncoderGapMs, 1))
        {
            DroppedFailed = stats.DroppedFailed,
        };
    }

    public IReadOnlyList<PluginInfo> Plugins() =>
    [
        .. session.Plugins.Plugins.Select(p => new PluginInfo(p.Manifest.Id, p.Manifest.Version, p.Manifest.SdkVersion, "loaded", [.. p.LayerTypes.Select(t => t.Name)], null)),
        .. session.Plugins.Failures.Select(f => new PluginInfo(Path.GetFileName(f.Directory), "?", "?", "failed", [], f.Error)),
    ];

    public async Task<PluginInfo> ReloadPluginAsync(string id)
    {
        var reloader = session.Reloader ?? throw new ShowRequestException(RequestFailure.Invalid, "plugins cannot be reloaded in this mode", "id");
        var folder = session.Plugins.Plugins.FirstOrDefault(p => p.Manifest.Id == id)?.Directory
            ?? session.Plugins.Failures.FirstOrDefault(f => Path.GetFileName(f.Directory) == id)?.Directory
            ?? throw new ShowRequestException(RequestFailure.NotFound, $"plugin '{id}' is not loaded", "id");
        try { await WhileTicking(() => reloader.ReloadAsync(folder)); }
        catch (PluginLoadException e) { throw new ShowRequestException(RequestFailure.Failed, $"plugin '{id}' was not reloaded, the running version stays: {e.Message}", "id"); }
        return Plugins().First(p => p.Id == id || Path.GetFileName(folder) == p.Id);
    }

    public IReadOnlyList<LayerTypeInfo> LayerTypes() =>
    [
        .. session.Plugins.Plugins.SelectMany(p => p.LayerTypes.Select(t => new LayerTypeInfo(t.Name, p.Manifest.Id, SchemaOf(t))))
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    /// <summary>A plugin's schema that is not JSON is left out (the form falls back to raw JSON) rather than failing the list.</summary>
    private static JsonNode? SchemaOf(ILayerType type)
    {
        try { return type.PropsSchema is { } schema ? JsonNode.Parse(schema) : null; }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return null; }
    }

    public IReadOnlyList<ScriptInfo> Scripts() => [.. session.Scripts.Statuses().Select(ScriptInfoOf)];

    public async Task<ScriptInfo> ReloadScriptAsync(string name)
    {
        try { return ScriptInfoOf(await WhileTicking(() => session.Scripts.ReloadAsync(name))); }
        catch (KeyNotFoundException e) { throw new ShowRequestException(RequestFailure.NotFound, e.Message, "name"); }
    }

    private static ScriptInfo ScriptInfoOf(ScriptStatus s) => new(s.Name, s.Language == ScriptLanguage.CSharp ? "csharp" : "javascript",
        s.State.ToString().ToLowerInvariant(), s.LastError?.ToString(), s.Errors, s.Path);

    private async Task Apply(SceneCommand command)
    {
        await Run(() => session.Scene.Enqueue(command));
        await Saved();
    }

    private async Task Saved()
    {
        if (AfterMutation is not null && await AfterMutation(clock.Stopped) is { } reason) SaveReceipt.NotSaved(reason);
    }

    /// <summary>Runs a queued change and turns its failure into a request failure naming the problem.</summary>
    private async Task<T> Run<T>(Func<Task<T>> change)
    {
        try { return await WhileTicking(change); }
        catch (Exception e) when (e is SceneException or FormatException or JsonException or ArgumentException)
        {
            throw new ShowRequestException(e.Message.Contains("does not exist") ? RequestFailure.NotFound : RequestFailure.Invalid, e.Message,
                (e as SceneException)?.Field);
        }
        catch (KeyNotFoundException e) { throw new ShowRequestException(RequestFailure.NotFound, e.Message); }
    }

    private Task Run(Func<Task> change) => Run(async () => { await change(); return true; });
}
