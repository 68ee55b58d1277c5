using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// A plugin reload's layers drawn ahead: every layer of the scene (hidden ones too, so one shown later is not first
/// drawn on the frame thread) gets a renderer of the next layer types and its content is drawn with it on a worker
/// thread of lower priority, from a copy of the layer's state, so the frame thread only swaps them in
/// (<see cref="Compositor.Adopt"/>) and a reload never makes a frame late. The first round draws through the next
/// second of show time: what a renderer builds once per picture (resampled sprite frames, laid-out text) is then built
/// off the frame thread too, and the swap waits for that second (<see cref="SwapFrom"/>), so the renderer never sees
/// time go back. A layer whose content changed while it was drawn is drawn again in a short catch-up round
/// (<see cref="Compositor.CatchUp"/>), so its first picture with the new renderer is not drawn at the swap either.
/// Dispose drops what was not adopted.
/// </summary>
public sealed class PreparedLayers : IDisposable
{
    /// <summary>Catch-up rounds before the swap happens anyway (a chat layer under a flood changes every frame).</summary>
    internal const int MaxRounds = 3;

    private readonly Dictionary<string, Drawn> _drawn = new(StringComparer.Ordinal);
    private readonly ILayerTypeCatalog _next;
    private readonly Func<string, LayerSlot> _createSlot;
    private readonly ResourceCache _resources;
    private bool _taken;

    private PreparedLayers(ILayerTypeCatalog next, Func<string, LayerSlot> createSlot, ResourceCache resources)
    {
        _next = next;
        _createSlot = createSlot;
        _resources = resources;
        Ready = Task.CompletedTask;
    }

    /// <summary>Completes when the current round's layers are drawn (a renderer that fails shows its placeholder, as on the frame thread).</summary>
    public Task Ready { get; private set; }

    /// <summary>The first frame the layers may be swapped in at: after the last one they were drawn for.</summary>
    public long SwapFrom { get; private set; }

    /// <summary>Rounds drawn or drawing: the first, then catch-ups.</summary>
    public int Rounds { get; private set; }

    internal sealed record Copy(LayerState State, long ContentVersion, SKSizeI Size);

    private sealed record Drawn(LayerSlot Slot, long ContentVersion, SKSizeI Size);

    internal static PreparedLayers Draw(IReadOnlyList<Copy> copies, ILayerTypeCatalog next, FrameTime time,
        Func<string, LayerSlot> createSlot, ResourceCache resources)
    {
        var prepared = new PreparedLayers(next, createSlot, resources);
        prepared.Round(copies, time, time.Fps);
        return prepared;
    }

    /// <summary>Frame thread, between rounds: whether the layer was drawn with this content at this size.</summary>
    internal bool IsCurrent(string id, long contentVersion, SKSizeI size)
    {
        lock (_drawn) return _drawn.TryGetValue(id, out var drawn) && drawn.ContentVersion == contentVersion && drawn.Size == size;
    }

    /// <summary>Frame thread, once <see cref="Ready"/>: draws <paramref name="changed"/> again, a few frames ahead.</summary>
    internal void CatchUp(IReadOnlyList<Copy> changed, FrameTime time)
    {
        if (!Ready.IsCompleted) throw new InvalidOperationException("The layers are still being drawn; wait for Ready.");
        Round(changed, time, 3);
    }

    private void Round(IReadOnlyList<Copy> copies, FrameTime time, int framesAhead)
    {
        Rounds++;
        LayerSlot?[] slots;
        lock (_drawn) slots = [.. copies.Select(c => _drawn.TryGetValue(c.State.Id, out var d) ? d.Slot : null)];
        // Resources drawn by the worker must not be replaced or evicted under it: the cache holds them until it is done.
        var hold = _resources.Hold();
        Ready = YieldingWork.Run("draw-ahead", () =>
        {
            using (hold)
                for (var i = 0; i < copies.Count; i++)
                {
                    var slot = slots[i] ??= _createSlot(copies[i].State.Id);
                    // Frames whose picture is unchanged cost a version check: only animated content is drawn again.
                    for (var frame = time.Index; frame <= time.Index + framesAhead; frame++)
                        slot.Update(copies[i].State, copies[i].ContentVersion, copies[i].Size, new FrameTime(frame, time.Fps), _next);
                }
        }).ContinueWith(t =>
        {
            // Back to one owner: the frame thread reads _drawn only once Ready has completed.
            lock (_drawn)
                for (var i = 0; i < copies.Count; i++)
                    if (slots[i] is { } slot) _drawn[copies[i].State.Id] = new Drawn(slot, copies[i].ContentVersion, copies[i].Size);
            t.GetAwaiter().GetResult();
        }, TaskScheduler.Default);
        SwapFrom = time.Index + framesAhead + 1;
    }

    /// <summary>The drawn slots, once; after that disposing this no longer touches them.</summary>
    internal IEnumerable<(string Id, LayerSlot Slot)> Take()
    {
        if (!Ready.IsCompleted) throw new InvalidOperationException("The layers are still being drawn; wait for Ready.");
        _taken = true;
        lock (_drawn) return [.. _drawn.Select(d => (d.Key, d.Value.Slot))];
    }

    public void Dispose()
    {
        if (_taken) return;
        _taken = true;
        // A swap abandoned before the drawing ended: the slots are disposed once the worker lets go of them.
        Ready.ContinueWith(_ =>
        {
            lock (_drawn) foreach (var drawn in _drawn.Values) drawn.Slot.Dispose();
        }, TaskScheduler.Default);
    }
}
