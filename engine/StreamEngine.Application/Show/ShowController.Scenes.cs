using System.Text.Json.Nodes;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>Named scenes: listed, created, saved, removed and switched to with the compositor's transitions.</summary>
public sealed partial class ShowController
{
    // One scene change at a time: a switch reads which scene is on air and what is on screen, then changes both.
    private readonly SemaphoreSlim _sceneChange = new(1, 1);

    public async Task<SceneListInfo> ScenesAsync()
    {
        var (list, layers) = await ScenesWithLayersAsync();
        var zOrder = layers.Concat(session.Scenes.OffAirLayers()).GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First().ZIndex);
        return new SceneListInfo(list.OnAir, [.. list.Scenes.Select(s => new SceneInfo(s.Name,
            [.. s.Layers.Select((id, i) => (id, i)).OrderBy(x => zOrder.GetValueOrDefault(x.id)).ThenBy(x => x.i).Select(x => x.id)], s.Name == list.OnAir))]);
    }

    public Task CreateSceneAsync(string name, SceneLayers layers) => ChangeScenesAsync(async () =>
    {
        CheckName(name);
        if (session.Scenes.Find(name) is not null) throw new ShowRequestException(RequestFailure.Conflict, $"scene '{name}' exists; PUT /api/scenes/{name} replaces its layers", "name");
        var (list, _) = await ScenesWithLayersAsync();
        if (list.Scenes.Count >= SceneList.MaxScenes) throw new ShowRequestException(RequestFailure.Invalid, $"a show has at most {SceneList.MaxScenes} scenes", "name");
        await SaveAsync(name, layers, onAir: false);
    });

    public Task SaveSceneAsync(string name, SceneLayers layers) => ChangeScenesAsync(async () =>
    {
        if (session.Scenes.Find(name) is null) throw new ShowRequestException(RequestFailure.NotFound, $"scene '{name}' does not exist", "name");
        await SaveAsync(name, layers, onAir: name == session.Scenes.OnAir);
    });

    public Task RemoveSceneAsync(string name) => ChangeScenesAsync(async () =>
    {
        if (session.Scenes.Find(name) is null) throw new ShowRequestException(RequestFailure.NotFound, $"scene '{name}' does not exist", "name");
        if (name == session.Scenes.OnAir) throw new ShowRequestException(RequestFailure.Conflict, $"scene '{name}' is on air; switch to another scene first", "name");
        session.Scenes.Remove(name);
        await Saved();
        await PublishSceneListAsync();
    });

    public Task SwitchToSceneAsync(string name, string transition, double seconds, string easing) => ChangeScenesAsync(async () =>
    {
        var scene = session.Scenes.Find(name) ?? throw new ShowRequestException(RequestFailure.NotFound, $"scene '{name}' does not exist", "sceneName");
        var curve = await Transition(transition, seconds, easing);
        var onScreen = await Read<IReadOnlyList<string>>(s => [.. s.Layers.Select(l => l.State.Id)]);
        // The scene on air is what is on screen (layers added on air belong to it): switching to it again only transitions.
        var lineup = name == session.Scenes.OnAir ? onScreen : scene.Layers;
        await Run(() => clock.Pipeline.SwitchSceneAsync(
            SceneCommand.Lineup(lineup, session.Scenes.OffAir, session.Scenes.LeftAir, previous => session.Scenes.WentOnAir(name, previous)), curve));
        await Saved();
        Publish(EventCategory.Layers, "CurrentProgramSceneChanged", new JsonObject { ["sceneName"] = name, ["transition"] = curve.Kind.ToString().ToLowerInvariant() });
    });

    /// <summary>A JPEG of a scene as it would go on air now: shared layers as on screen, its own as they wait off air.</summary>
    public async Task<byte[]> ScenePreviewAsync(string name)
    {
        var preview = session.ScenePreview ?? throw new ShowRequestException(RequestFailure.Unavailable, "this show cannot draw scene previews", "name");
        var (list, onScreen) = await ScenesWithLayersAsync();
        var scene = list.Find(name) ?? throw new ShowRequestException(RequestFailure.NotFound, $"scene '{name}' does not exist", "name");
        var layers = scene.Layers.Select(id => onScreen.FirstOrDefault(l => l.Id == id) ?? session.Scenes.OffAir(id)).OfType<LayerState>().ToList();
        return await preview.RenderAsync(layers, new FrameTime(clock.FrameIndex, session.Format.Fps), CancellationToken.None);
    }

    /// <summary>Changes a layer of an off-air scene where it waits (null when it is on screen or unknown): it goes on air so.</summary>
    private async Task<LayerState?> PatchOffAirAsync(string id, JsonObject patch)
    {
        await _sceneChange.WaitAsync();
        try
        {
            if (session.Scenes.OffAir(id) is not { } waiting || await Read(scene => scene.Find(id) is not null)) return null;
            LayerState changed;
            try { changed = LayerJson.Patch(waiting, patch); }
            catch (Exception e) when (e is SceneException or System.Text.Json.JsonException or FormatException)
            {
                throw new ShowRequestException(RequestFailure.Invalid, e.Message);
            }
            session.Scenes.LeftAir(changed);
            session.Scenes.Touch();
            await Saved();
            PublishLayer("LayerChanged", id, changed);
            if (patch.ContainsKey("visible")) PublishVisibility(id, changed.Visible, SceneOf(id));
            return changed.Clone();
        }
        finally { _sceneChange.Release(); }
    }

    /// <summary>The first off-air scene that has the layer (for the events of a change made off air).</summary>
    private string SceneOf(string id) =>
        session.Scenes.Snapshot([]).Scenes.FirstOrDefault(s => s.Name != session.Scenes.OnAir && s.Layers.Contains(id))?.Name ?? session.Scenes.OnAir;

    /// <summary>Checks a transition the way every switch does; the easing resolves on the frame thread (plugins reload there).</summary>
    private async Task<SceneTransition> Transition(string transition, double seconds, string easing)
    {
        if (!Enum.TryParse<TransitionKind>(transition, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(transition, out _))
            throw new ShowRequestException(RequestFailure.Invalid, $"transition.kind: '{transition}' is not one of cut, crossfade, slide, wipe", "transition.kind");
        if (seconds is < 0 or > 60 || !double.IsFinite(seconds))
            throw new ShowRequestException(RequestFailure.Invalid, $"transition.duration: expected 0 to 60 seconds, got {seconds}", "transition.duration");
        var curve = await Run(() => Task.FromResult(session.Plugins.Resolve(easing)));
        return new SceneTransition(kind, seconds, curve);
    }

    private async Task SaveAsync(string name, SceneLayers layers, bool onAir)
    {
        var (_, live) = await ScenesWithLayersAsync();
        var known = live.Select(l => l.Id).Concat(session.Scenes.OffAirLayers().Select(l => l.Id)).ToHashSet();
        foreach (var (layer, i) in layers.NewLayers.Select((l, i) => (l, i)))
        {
            if (known.Contains(layer.Id)) throw new ShowRequestException(RequestFailure.Conflict, $"layer '{layer.Id}' exists; name it by its id", "layers");
            if (session.Plugins.Find(layer.Type) is null) throw new ShowRequestException(RequestFailure.Invalid, $"layer '{layer.Id}': unknown layer type '{layer.Type}'", "layers");
        }
        var missing = layers.Ids.FirstOrDefault(id => !known.Contains(id) && layers.NewLayers.All(l => l.Id != id));
        if (missing is not null) throw new ShowRequestException(RequestFailure.Invalid, $"layers: layer '{missing}' does not exist", "layers");
        if (known.Count + layers.NewLayers.Count > session.Scene.MaxLayers)
            throw new ShowRequestException(RequestFailure.Invalid, $"layers: the show would have more than MAX_LAYERS ({session.Scene.MaxLayers}) layers", "layers");
        session.Scenes.Save(name, layers.Ids, layers.NewLayers);
        if (onAir)
        {
            await Run(() => clock.Pipeline.SwitchSceneAsync(
                SceneCommand.Lineup(layers.Ids, session.Scenes.OffAir, session.Scenes.LeftAir, _ => session.Scenes.WentOnAir(name, layers.Ids)), null));
        }
        await Saved();
        await PublishSceneListAsync();
    }

    private static void CheckName(string name)
    {
        if (name.Length is 0 or > SceneList.MaxName || name.Any(char.IsControl))
            throw new ShowRequestException(RequestFailure.Invalid, $"name: expected a scene name of 1 to {SceneList.MaxName} characters", "name");
    }

    private async Task<(SceneList List, IReadOnlyList<LayerState> OnScreen)> ScenesWithLayersAsync()
    {
        var layers = await LayersAsync();
        return (session.Scenes.Snapshot([.. layers.Select(l => l.Id)]), layers);
    }

    private async Task PublishSceneListAsync()
    {
        var list = await ScenesAsync();
        Publish(EventCategory.Layers, "SceneListChanged", new JsonObject
        {
            ["onAir"] = list.OnAir,
            ["scenes"] = new JsonArray([.. list.Scenes.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["layers"] = new JsonArray([.. s.Layers.Select(id => (JsonNode)id)]) })]),
        });
    }

    private async Task ChangeScenesAsync(Func<Task> change)
    {
        await _sceneChange.WaitAsync();
        try { await change(); }
        finally { _sceneChange.Release(); }
    }
}
