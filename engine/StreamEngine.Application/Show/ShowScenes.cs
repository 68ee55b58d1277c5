using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// The named scenes of a running show. The on-air scene is what the scene graph shows (so layers added or removed on
/// air belong to it); the other scenes' layers wait here, off air, as they were when they last left the screen.
/// Request threads and the frame thread (through <see cref="SceneCommand.Lineup"/>) share it under one lock.
/// </summary>
public sealed class ShowScenes
{
    private readonly Lock _lock = new();
    private readonly List<NamedScene> _scenes;
    private readonly Dictionary<string, LayerState> _offAir;
    private long _version;

    public ShowScenes(SceneList scenes, IEnumerable<LayerState> offAir)
    {
        _scenes = [.. scenes.Scenes];
        OnAir = scenes.OnAir;
        _offAir = offAir.ToDictionary(l => l.Id, l => l.Clone());
    }

    public string OnAir { get; private set; }

    /// <summary>The scene file's animations waiting for their layers to come on air; started as a switch brings them.</summary>
    public SceneEntrances? Entrances { get; set; }

    /// <summary>Changes with every change here (the persistence saves the show when it moves).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Splits a show's layers into the on-air scene's (for the scene graph) and the rest.</summary>
    public static (IReadOnlyList<LayerState> OnAir, ShowScenes Scenes) Open(SceneList scenes, IReadOnlyList<LayerState> layers)
    {
        var onAir = scenes.Find(scenes.OnAir)!.Layers.ToHashSet();
        return ([.. layers.Where(l => onAir.Contains(l.Id))], new ShowScenes(scenes, layers.Where(l => !onAir.Contains(l.Id))));
    }

    /// <summary>The scenes, the on-air one's layers being <paramref name="onScreen"/>; ids only of layers that exist.</summary>
    public SceneList Snapshot(IReadOnlyList<string> onScreen)
    {
        lock (_lock)
        {
            var scenes = _scenes.Select(s => s.Name == OnAir ? s with { Layers = onScreen }
                : s with { Layers = [.. s.Layers.Where(id => _offAir.ContainsKey(id) || onScreen.Contains(id))] });
            return new SceneList([.. scenes], OnAir);
        }
    }

    public LayerState? OffAir(string id)
    {
        lock (_lock) return _offAir.GetValueOrDefault(id)?.Clone();
    }

    public IReadOnlyList<LayerState> OffAirLayers()
    {
        lock (_lock) return [.. _offAir.Values.Select(l => l.Clone())];
    }

    public int OffAirCount
    {
        get { lock (_lock) return _offAir.Count; }
    }

    /// <summary>The scenes' names, in the file's order.</summary>
    public IReadOnlyList<string> Names
    {
        get { lock (_lock) return [.. _scenes.Select(s => s.Name)]; }
    }

    public NamedScene? Find(string name)
    {
        lock (_lock) return _scenes.FirstOrDefault(s => s.Name == name);
    }

    /// <summary>Frame thread, inside the lineup: a layer leaving the screen waits here with its state.</summary>
    public void LeftAir(LayerState layer)
    {
        lock (_lock) _offAir[layer.Id] = layer;
    }

    /// <summary>After a switch: <paramref name="name"/> is on air, its layers are on screen, the scene it replaced keeps what was on screen.</summary>
    public void WentOnAir(string name, IReadOnlyList<string> previousOnScreen)
    {
        NamedScene scene;
        lock (_lock)
        {
            Replace(OnAir, previousOnScreen);
            scene = _scenes.First(s => s.Name == name);
            foreach (var id in scene.Layers) _offAir.Remove(id);
            OnAir = name;
            Changed();
        }
        Entrances?.CameOnAir(scene.Layers);
    }

    /// <summary>Creates or replaces a scene; <paramref name="newLayers"/> wait off air until it is switched to.</summary>
    public void Save(string name, IReadOnlyList<string> layers, IReadOnlyList<LayerState> newLayers)
    {
        lock (_lock)
        {
            foreach (var layer in newLayers) _offAir[layer.Id] = layer.Clone();
            if (!Replace(name, layers)) _scenes.Add(new NamedScene(name, layers));
            Changed();
        }
    }

    /// <summary>Removes an off-air scene; layers no other scene uses go with it.</summary>
    public void Remove(string name)
    {
        lock (_lock)
        {
            _scenes.RemoveAll(s => s.Name == name);
            var used = _scenes.SelectMany(s => s.Layers).ToHashSet();
            foreach (var id in _offAir.Keys.Where(id => !used.Contains(id)).ToList()) _offAir.Remove(id);
            Changed();
        }
    }

    /// <summary>A layer removed from the show leaves every scene.</summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            _offAir.Remove(id);
            for (var i = 0; i < _scenes.Count; i++)
                if (_scenes[i].Layers.Contains(id)) _scenes[i] = _scenes[i] with { Layers = [.. _scenes[i].Layers.Where(l => l != id)] };
            Changed();
        }
    }

    /// <summary>Scripts (frame thread): a merge patch to a layer waiting off air; false when none has that id.</summary>
    public bool PatchOffAir(string id, System.Text.Json.Nodes.JsonObject patch)
    {
        lock (_lock)
        {
            if (!_offAir.TryGetValue(id, out var layer)) return false;
            _offAir[id] = LayerJson.Patch(layer, patch);
            Changed();
            return true;
        }
    }

    /// <summary>An off-air layer changed in place: saved with the show.</summary>
    public void Touch() => Changed();

    private bool Replace(string name, IReadOnlyList<string> layers)
    {
        var index = _scenes.FindIndex(s => s.Name == name);
        if (index >= 0) _scenes[index] = new NamedScene(name, layers);
        return index >= 0;
    }

    private void Changed() => Interlocked.Increment(ref _version);
}
