namespace StreamEngine.Core.Rendering;

/// <summary>
/// The bytes the compositor's layer rasters take together, against RASTER_BUDGET_MB: the scene's rules keep the
/// layers' boxes within it, and this keeps it true of what is actually allocated (animated sizes included).
/// Layers drawn ahead for a plugin reload reserve from another thread, hence the lock.
/// </summary>
public sealed class RasterBudget
{
    private readonly Lock _gate = new();
    private long _bytes;

    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public long Limit { get; set; } = 512L << 20;

    public bool TryReserve(long bytes)
    {
        lock (_gate)
        {
            if (_bytes + bytes > Limit) return false;
            _bytes += bytes;
            return true;
        }
    }

    public void Release(long bytes)
    {
        lock (_gate) _bytes = Math.Max(0, _bytes - bytes);
    }
}
