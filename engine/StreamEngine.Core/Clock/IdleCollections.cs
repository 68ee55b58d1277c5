namespace StreamEngine.Core.Clock;

/// <summary>
/// Runs the young-generation garbage collections in the frame thread's idle time: right after a frame is delivered,
/// once what was allocated since the last collection nears the runtime's budget for it. Left to the runtime, a
/// collection starts in whichever allocation crosses the budget, often in the middle of composing a frame; most take
/// a few milliseconds, but the first of a show (objects made while it started are still alive) or the one after a
/// plugin reload drew its layers ahead (the new renderers) copies megabytes and takes 10-20 ms: a frame late.
/// </summary>
internal sealed class IdleCollections
{
    // Collect at this share of the budget, so that the runtime rarely gets there first.
    private const double Share = 0.6;
    private int _collections = -1;
    private long _allocatedAtLast;
    private long _budget;
    private long _ours = -1;

    /// <summary>Frame thread, right after a frame was delivered.</summary>
    public void AfterDelivery()
    {
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        if (collections != _collections)
        {
            // The runtime's own young collections say what its budget is now (it adapts to how much survives).
            var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            if (last.Index != _ours && last.GenerationInfo[0].SizeBeforeBytes > 0) _budget = last.GenerationInfo[0].SizeBeforeBytes;
            (_collections, _allocatedAtLast) = (collections, allocated);
            return;
        }
        if (_budget > 0 && allocated - _allocatedAtLast > _budget * Share)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _ours = GC.GetGCMemoryInfo(GCKind.Ephemeral).Index;
        }
    }
}
