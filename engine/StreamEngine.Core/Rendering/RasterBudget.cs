namespace StreamEngine.Core.Rendering;

/// <summary>
/// The bytes the compositor's layer rasters take together, against RASTER_BUDGET_MB: the scene's rules keep the
/// layers' boxes within it, and this keeps it true of what is actually allocated (animated sizes included).
/// Layers drawn ahead for a plugin reload reserve from a low-priority worker: no lock, so the frame thread never waits
/// for a worker the scheduler left holding one.
/// </summary>
public sealed class RasterBudget
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Limit { get; set; } = 512L << 20;

    public bool TryReserve(long bytes)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _bytes);
            if (current + bytes > Limit) return false;
            if (Interlocked.CompareExchange(ref _bytes, current + bytes, current) == current) return true;
        }
    }

    public void Release(long bytes)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _bytes);
            if (Interlocked.CompareExchange(ref _bytes, Math.Max(0, current - bytes), current) == current) return;
        }
    }
}
