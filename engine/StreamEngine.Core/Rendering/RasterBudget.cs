namespace StreamEngine.Core.Rendering;

/// <summary>
/// The bytes the compositor's layer rasters take together, against RASTER_BUDGET_MB: the scene's rules keep the
/// layers' boxes within it, and this keeps it true of what is actually allocated (animated sizes included).
/// Frame thread only.
/// </summary>
public sealed class RasterBudget
{
    public long Bytes { get; private set; }

    public long Limit { get; set; } = 512L << 20;

    public bool TryReserve(long bytes)
    {
        if (Bytes + bytes > Limit) return false;
        Bytes += bytes;
        return true;
    }

    public void Release(long bytes) => Bytes = Math.Max(0, Bytes - bytes);
}
