using System.Text.Json.Nodes;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.Application;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>A show in memory: layers and outputs in lists, an event for every change, like the engine raises them.</summary>
internal sealed class FakeShow : IShowControl
{
    private readonly Lock _lock = new();
    private readonly List<LayerState> _layers = [];
    private readonly List<OutputInfo> _outputs = [];
    private readonly List<string> _raised = [];
    private int _nextId;

    public event Action<ShowEvent>? Events;

    public ShowInfo Info => new(1280, 720, 30, 42, 1.4, Layers().Count, 100);

    public IReadOnlyList<string> RaisedShowEvents { get { lock (_lock) return [.. _raised]; } }

    public void Raise(ShowEvent showEvent) => Events?.Invoke(showEvent);

    public IReadOnlyList<LayerState> Layers()
    {
        lock (_lock) return _layers.OrderBy(l => l.ZIndex).Select(l => l.Clone()).ToList();
    }

    public LayerState? Layer(string id)
    {
        lock (_lock) return _layers.FirstOrDefault(l => l.Id == id)?.Clone();
    }

    public Task<LayerState> AddLayerAsync(LayerState layer)
    {
        if (string.IsNullOrEmpty(layer.Id)) throw new ShowRequestException(RequestFailure.Invalid, "a layer needs an id", "layer.id");
        lock (_lock)
        {
            if (_layers.Any(l => l.Id == layer.Id)) throw new ShowRequestException(RequestFailure.Conflict, $"layer {layer.Id} exists");
            _layers.Add(layer.Clone());
        }
        Changed("LayerCreated", layer);
        return Task.FromResult(layer.Clone());
    }

    public Task<LayerState> PatchLayerAsync(string id, JsonObject patch)
    {
        LayerState patched;
        lock (_lock)
        {
            var index = _layers.FindIndex(l => l.Id == id);
            if (index < 0) throw new ShowRequestException(RequestFailure.NotFound, $"no layer {id}", "layerId");
            patched = LayerJson.Patch(_layers[index], patch);
            _layers[index] = patched;
        }
        Changed("LayerChanged", patched);
        return Task.FromResult(patched.Clone());
    }

    public Task RemoveLayerAsync(string id)
    {
        lock (_lock)
        {
            if (_layers.RemoveAll(l => l.Id == id) == 0) throw new ShowRequestException(RequestFailure.NotFound, $"no layer {id}", "layerId");
        }
        Raise(new ShowEvent(EventCategory.Layers, "LayerRemoved", new JsonObject { ["layerId"] = id }));
        return Task.CompletedTask;
    }

    public Task ReorderAsync(IReadOnlyList<string> bottomToTop)
    {
        lock (_lock)
        {
            for (var i = 0; i < bottomToTop.Count; i++)
            {
                var layer = _layers.FirstOrDefault(l => l.Id == bottomToTop[i])
                    ?? throw new ShowRequestException(RequestFailure.NotFound, $"no layer {bottomToTop[i]}", "layerIds");
                layer.ZIndex = i;
            }
        }
        return Task.CompletedTask;
    }

    public Task<string> StartAnimationAsync(JsonObject animation)
    {
        var id = $"animation-{Interlocked.Increment(ref _nextId)}";
        Raise(new ShowEvent(EventCategory.Animations, "AnimationStarted", new JsonObject { ["animationId"] = id }));
        return Task.FromResult(id);
    }

    public Task ControlAnimationAsync(string id, AnimationControl control) =>
        throw new ShowRequestException(RequestFailure.NotFound, $"no animation {id}", "animationId");

    public Task<IReadOnlyList<JsonObject>> AnimationsAsync() => Task.FromResult<IReadOnlyList<JsonObject>>([]);

    public Task<IReadOnlyList<LayerState>> LayersAsync() => Task.FromResult(Layers());

    public Task<LayerState?> LayerAsync(string id) => Task.FromResult(Layer(id));

    public Task SwitchSceneAsync(IReadOnlyList<LayerState> layers, string transition, double seconds, string easing) => Task.CompletedTask;

    public Task<PluginInfo> ReloadPluginAsync(string id) =>
        throw new ShowRequestException(RequestFailure.NotFound, $"plugin '{id}' is not loaded", "pluginId");

    public Task InjectChatAsync(ChatInput message)
    {
        Raise(new ShowEvent(EventCategory.Chat, "ChatMessage", new JsonObject { ["author"] = message.Author, ["text"] = message.Text }));
        return Task.CompletedTask;
    }

    public Task RaiseEventAsync(string name)
    {
        lock (_lock) _raised.Add(name);
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutputInfo> Outputs()
    {
        lock (_lock) return [.. _outputs];
    }

    public string HlsFile(string path) => throw new ShowRequestException(RequestFailure.NotFound, "no HLS output", "path");

    public Task<string> AddOutputAsync(string target, bool overwrite = false, OutputRendition? rendition = null)
    {
        var output = new OutputInfo($"output-{Interlocked.Increment(ref _nextId)}", target, "starting", 0, 0, null, rendition);
        lock (_lock) _outputs.Add(output);
        Raise(new ShowEvent(EventCategory.Outputs, "OutputAdded", new JsonObject { ["outputId"] = output.Id }));
        return Task.FromResult(output.Id);
    }

    public Task RemoveOutputAsync(string id)
    {
        lock (_lock)
        {
            if (_outputs.RemoveAll(o => o.Id == id) == 0) throw new ShowRequestException(RequestFailure.NotFound, $"no output {id}", "outputId");
        }
        return Task.CompletedTask;
    }

    public StatsInfo Stats() => new(100, 0, 4.5, 9.1, 0.8, 0);

    public IReadOnlyList<PluginInfo> Plugins() => [new("layers", "1.0.0", "1.0.0", "loaded", ["overlay.text"], null)];

    private void Changed(string type, LayerState layer) =>
        Raise(new ShowEvent(EventCategory.Layers, type, new JsonObject { ["layerId"] = layer.Id, ["layer"] = LayerJson.ToJson(layer) }));
}
