using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// A plugin reload's layers drawn ahead: each shown layer gets a renderer of the next layer types and its content is
/// drawn with it on a worker thread of lower priority, from a copy of the layer's state, so the frame thread only swaps them in
/// (<see cref="Compositor.Adopt"/>) and a reload never makes a frame late. An animated layer is drawn through the
/// next second of show time: what its renderer builds once per picture (resampled sprite frames, laid-out text) is
/// then built off the frame thread too, and the swap waits for that second (<see cref="SwapFrom"/>), so the renderer
/// never sees time go back. Dispose drops what was not adopted.
/// </summary>
public sealed class PreparedLayers : IDisposable
{
    private readonly (string Id, LayerSlot Slot)[] _slots;
    private bool _taken;

    private PreparedLayers((string Id, LayerSlot Slot)[] slots, Task ready, long swapFrom)
    {
        _slots = slots;
        Ready = ready;
        SwapFrom = swapFrom;
    }

    /// <summary>Completes when every layer is drawn (a renderer that fails shows its placeholder, as on the frame thread).</summary>
    public Task Ready { get; }

    /// <summary>The first frame the layers may be swapped in at: after the last one they were drawn for.</summary>
    public long SwapFrom { get; }

    internal sealed record Copy(LayerState State, long ContentVersion, SKSizeI Size);

    internal static PreparedLayers Draw(IReadOnlyList<Copy> copies, ILayerTypeCatalog next, FrameTime time,
        Func<string, LayerSlot> createSlot, ResourceCache resources)
    {
        var slots = new (string Id, LayerSlot Slot)[copies.Count];
        // Resources drawn by the worker must not be replaced or evicted under it: the cache holds them until it is done.
        var hold = resources.Hold();
        var ready = YieldingWork.Run("draw-ahead", () =>
        {
            using (hold)
                for (var i = 0; i < copies.Count; i++)
                {
                    slots[i] = (copies[i].State.Id, createSlot(copies[i].State.Id));
                    // Frames whose picture is unchanged cost a version check: only animated content is drawn again.
                    for (var frame = time.Index; frame <= time.Index + time.Fps; frame++)
                        slots[i].Slot.Update(copies[i].State, copies[i].ContentVersion, copies[i].Size, new FrameTime(frame, time.Fps), next);
                }
        });
        return new PreparedLayers(slots, ready, time.Index + time.Fps + 1);
    }

    /// <summary>The drawn slots, once; after that disposing this no longer touches them.</summary>
    internal IEnumerable<(string Id, LayerSlot Slot)> Take()
    {
        if (!Ready.IsCompleted) throw new InvalidOperationException("The layers are still being drawn; wait for Ready.");
        _taken = true;
        return _slots;
    }

    public void Dispose()
    {
        if (_taken) return;
        _taken = true;
        // A swap abandoned before the drawing ended: the slots are disposed once the worker lets go of them.
        Ready.ContinueWith(_ => { foreach (var (_, slot) in _slots) slot?.Dispose(); }, TaskScheduler.Default);
    }
}
