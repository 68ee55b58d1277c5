using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>A change to the scene, queued by any thread and applied by the frame thread at a frame boundary.</summary>
public abstract class SceneCommand
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once applied; faults with a <see cref="SceneException"/> when the change was refused.</summary>
    public Task Completion => _completion.Task;

    internal void ApplyTo(SceneGraph scene)
    {
        try
        {
            Apply(scene);
            _completion.TrySetResult();
        }
        catch (Exception e)
        {
            // Whatever a change throws fails that change only: the frame thread applies the next one and draws the frame.
            _completion.TrySetException(e);
        }
    }

    protected abstract void Apply(SceneGraph scene);

    /// <summary>Whether applying it can change the scene (a read does not, so it saves nothing).</summary>
    internal virtual bool Changes => true;

    public static SceneCommand AddLayer(LayerState layer) => new Delegate(s => s.Add(layer.Clone()));

    public static SceneCommand RemoveLayer(string id) => new Delegate(s => s.Remove(id));

    /// <summary>Replaces the whole scene's layers (loading a scene file or a restored state).</summary>
    public static SceneCommand LoadLayers(IEnumerable<LayerState> layers) => new Delegate(s =>
    {
        var list = layers.ToList();
        if (list.Count > s.MaxLayers)
            throw new SceneException($"the scene has {list.Count} layers and MAX_LAYERS is {s.MaxLayers}");
        // Checked before anything is removed, so a refused scene leaves the show as it was.
        for (var i = 0; i < list.Count; i++)
            if (ShowStateRules.Check(list[i], s.Limits, $"layers[{i}].") is { Count: > 0 } problems)
                throw SceneException.From($"layer '{list[i].Id}'", problems);
        var bytes = list.Sum(l => s.Limits.RasterBytes(l.Transform));
        if (bytes > s.Limits.RasterBudgetBytes)
            throw new SceneException($"the layers' rasters would take {bytes >> 20} MB, more than RASTER_BUDGET_MB ({s.Limits.RasterBudgetBytes >> 20} MB)", "layers");
        s.Clear();
        foreach (var layer in list) s.Add(layer.Clone());
    });

    /// <summary>Applies a JSON merge patch (RFC 7386) to a layer, for example <c>{"transform":{"x":10}}</c>.</summary>
    public static SceneCommand PatchLayer(string id, JsonObject patch) => new Delegate(s =>
    {
        var layer = s.Find(id) ?? throw new SceneException($"layer '{id}' does not exist");
        s.Replace(LayerJson.Patch(layer.State, patch));
    });

    /// <summary>Gives the named layers z-indexes so they are drawn in this order, bottom first, above the layers not named.</summary>
    public static SceneCommand Reorder(IReadOnlyList<string> bottomToTop) => new Delegate(s =>
    {
        var missing = bottomToTop.Where(id => s.Find(id) is null).ToList();
        if (missing.Count > 0) throw new SceneException($"order: layer '{missing[0]}' does not exist");
        var baseZ = s.Layers.Where(l => !bottomToTop.Contains(l.State.Id)).Select(l => l.State.ZIndex).DefaultIfEmpty(0).Max() + 1;
        for (var i = 0; i < bottomToTop.Count; i++)
        {
            var next = s.Find(bottomToTop[i])!.State.Clone();
            next.ZIndex = baseZ + i;
            s.Replace(next);
        }
    });

    /// <summary>Changes a layer through code (scripts, animations).</summary>
    public static SceneCommand UpdateLayer(string id, Action<LayerState> change) => new Delegate(s =>
    {
        var layer = s.Find(id) ?? throw new SceneException($"layer '{id}' does not exist");
        var next = layer.State.Clone();
        change(next);
        next.Id = id;
        s.Replace(next);
    });

    /// <summary>Reads the scene on the frame thread, between frames, so the result is never half-way through a change.</summary>
    public static SceneQuery<T> Read<T>(Func<SceneGraph, T> read) => new(read);

    private sealed class Delegate(Action<SceneGraph> apply) : SceneCommand
    {
        protected override void Apply(SceneGraph scene) => apply(scene);
    }
}

/// <summary>A read of the scene run by the frame thread at a frame boundary; <see cref="Result"/> completes with its value.</summary>
public sealed class SceneQuery<T>(Func<SceneGraph, T> read) : SceneCommand
{
    private T? _value;

    public Task<T> Result => Completion.ContinueWith(t => t.IsCompletedSuccessfully ? _value! : throw t.Exception!.InnerException!,
        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    internal override bool Changes => false;

    protected override void Apply(SceneGraph scene) => _value = read(scene);
}
