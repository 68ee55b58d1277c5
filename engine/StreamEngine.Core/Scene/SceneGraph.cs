using System.Collections.Concurrent;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>
/// The layers of the show. It has one writer, the frame thread: everybody else queues a
/// <see cref="SceneCommand"/>, applied at the next frame boundary.
/// </summary>
public sealed class SceneGraph(int maxLayers, ShowLimits? limits = null)
{
    private readonly Dictionary<string, SceneLayer> _layers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SceneCommand> _pending = new();
    private SceneLayer[] _ordered = [];

    public int MaxLayers { get; } = maxLayers;

    /// <summary>The bounds every layer keeps (<see cref="ShowStateRules"/>): checked on every add and replace, applied to animated values.</summary>
    public ShowLimits Limits { get; } = limits ?? new ShowLimits();

    /// <summary>Changes with every applied change; a frame with the same version as the last looks the same.</summary>
    public long Version { get; private set; }

    /// <summary>Changes only with queued changes (API, scripts, scene loads), not with animation frames: what must be saved.</summary>
    public long StructureVersion { get; private set; }

    /// <summary>Layers in drawing order (z-index, then insertion order).</summary>
    public IReadOnlyList<SceneLayer> Layers => _ordered;

    public SceneLayer? Find(string id) => _layers.GetValueOrDefault(id);

    /// <summary>Queues a change; the task completes when the frame thread has applied it, or fails with its error.</summary>
    public Task Enqueue(SceneCommand command)
    {
        _pending.Enqueue(command);
        return command.Completion;
    }

    /// <summary>Applies every queued change. Called by the frame thread only.</summary>
    public void ApplyPending()
    {
        while (_pending.TryDequeue(out var command))
        {
            command.ApplyTo(this);
            if (command.Changes) StructureVersion++;
        }
    }

    internal void Add(LayerState state)
    {
        if (string.IsNullOrWhiteSpace(state.Id)) throw new SceneException("layer id: expected a non-empty string");
        if (_layers.ContainsKey(state.Id)) throw new SceneException($"layer '{state.Id}' already exists");
        if (_layers.Count >= MaxLayers)
            throw new SceneException($"cannot add layer '{state.Id}': the scene already has {_layers.Count} layers and MAX_LAYERS is {MaxLayers}");
        CheckRules(state);
        _layers[state.Id] = new SceneLayer(state, _nextSequence++);
        Reorder();
    }

    internal void Replace(LayerState state)
    {
        var layer = _layers.GetValueOrDefault(state.Id) ?? throw new SceneException($"layer '{state.Id}' does not exist");
        CheckRules(state);
        layer.Update(state);
        Reorder();
    }

    internal void Remove(string id)
    {
        if (!_layers.Remove(id, out var layer)) throw new SceneException($"layer '{id}' does not exist");
        Reorder();
    }

    internal void Clear()
    {
        _layers.Clear();
        Reorder();
    }

    private void CheckRules(LayerState state)
    {
        var problems = ShowStateRules.Check(state, Limits);
        if (problems.Count > 0) throw SceneException.From($"layer '{state.Id}'", problems);
        if (ShowStateRules.CheckBudget(_layers.Values.Select(l => l.State), state, Limits) is { } overBudget)
            throw SceneException.From($"layer '{state.Id}'", [overBudget]);
    }

    private long _nextSequence;
    private bool _orderChanged;

    /// <summary>An animation changed a layer in place (frame thread): the next frame is drawn again.</summary>
    internal void MarkAnimated(SceneLayer layer, bool content, bool order)
    {
        if (content) layer.ContentChanged();
        _orderChanged |= order;
        Version++;
    }

    /// <summary>Re-sorts the layers once after animations changed z-indexes this frame.</summary>
    internal void ApplyOrderChanges()
    {
        if (!_orderChanged) return;
        _orderChanged = false;
        Reorder();
    }

    private void Reorder()
    {
        _ordered = _layers.Values.OrderBy(l => l.State.ZIndex).ThenBy(l => l.Sequence).ToArray();
        Version++;
    }
}
