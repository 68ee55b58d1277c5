using System.Diagnostics;

namespace StreamEngine.Core.Pipeline;

/// <summary>
/// Live frames only: the runtime's young-generation collections (every 2–3 s under a busy chat, each stopping every
/// thread for about 10 ms) are started by the frame thread itself right after it delivered a frame, while it would
/// wait for the next one anyway, before the runtime would start one in the middle of a frame. A frame that ran late
/// leaves no room: the collection waits for a frame that leaves room (half a period at least).
/// </summary>
internal sealed class IdleCollector
{
    /// <summary>Collect once this share of what the runtime let the young generation grow to last time was allocated again.</summary>
    private const double ShareOfBudget = 0.5;
    private const long FirstBudget = 4L << 20;
    private long _allocatedAtLast = GC.GetTotalAllocatedBytes();
    private int _collections = GC.CollectionCount(0);
    private long _budget = FirstBudget;
    private int _ours = -1;

    /// <summary>Frame thread, right after a frame was delivered; <paramref name="started"/> is when its tick started.</summary>
    public void AfterFrame(long started, int fps)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (GC.CollectionCount(0) != _collections)
        {
            // A collection happened: count from it; one the runtime started says how far it lets the young generation grow.
            _collections = GC.CollectionCount(0);
            _allocatedAtLast = allocated;
            if (_collections != _ours) _budget = Math.Max(FirstBudget, GC.GetGCMemoryInfo(GCKind.Ephemeral).GenerationInfo[0].SizeBeforeBytes);
            return;
        }
        if (allocated - _allocatedAtLast < _budget * ShareOfBudget) return;
        if (Stopwatch.GetElapsedTime(started).TotalSeconds > 0.5 / fps) return;
        GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: false);
        _ours = GC.CollectionCount(0);
        FrameTrace.Current?.Mark("idle collection");
    }
}
