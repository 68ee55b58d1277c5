using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// A plugin reload's layers drawn ahead: each shown layer gets a renderer of the next layer types and its content is
/// drawn with it on a worker thread, from a copy of the layer's state, so the frame thread only swaps them in
/// (<see cref="Compositor.Adopt"/>) and a reload never makes a frame late. Dispose drops what was not adopted.
/// </summary>
public sealed class PreparedLayers : IDisposable
{
    private readonly List<(string Id, LayerSlot Slot)> _slots;
    private bool _taken;

    private PreparedLayers(List<(string Id, LayerSlot Slot)> slots, Task ready)
    {
        _slots = slots;
        Ready = ready;
    }

    /// <summary>Completes when every layer is drawn (a renderer that fails shows its placeholder, as on the frame thread).</summary>
    public Task Ready { get; }

    internal sealed record Copy(LayerState State, long ContentVersion, SKSizeI Size);

    internal static PreparedLayers Draw(IReadOnlyList<Copy> copies, ILayerTypeCatalog next, FrameTime time,
        Func<string, LayerSlot> createSlot, ResourceCache resources)
    {
        var slots = copies.Select(c => (c.State.Id, Slot: createSlot(c.State.Id))).ToList();
        // Resources drawn by the worker must not be replaced or evicted under it: the cache holds them until it is done.
        var hold = resources.Hold();
        var ready = Task.Run(() =>
        {
            using (hold)
                for (var i = 0; i < copies.Count; i++)
                    slots[i].Slot.Update(copies[i].State, copies[i].ContentVersion, copies[i].Size, time, next);
        });
        return new PreparedLayers(slots, ready);
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
        Ready.ContinueWith(_ => { foreach (var (_, slot) in _slots) slot.Dispose(); }, TaskScheduler.Default);
    }
}
