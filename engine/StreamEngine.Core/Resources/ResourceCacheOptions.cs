namespace StreamEngine.Core.Resources;

/// <summary>Limits of the resource cache and of what it loads.</summary>
/// <param name="MaxBytes">Decoded size the cache keeps; beyond it, what was used least recently is evicted.</param>
/// <param name="MaxPixels">Largest image (width × height, all frames of an animation together) that is decoded; a bigger one is refused before decoding.</param>
/// <param name="MaxDownloadBytes">Largest file downloaded from a URL.</param>
/// <param name="DownloadTimeout">Time a download may take from request to last byte.</param>
/// <param name="UrlTtl">How long a downloaded resource is used before it is fetched again (the old one shows until the new one is in).</param>
/// <param name="RetryFailedAfter">How long a failed load is remembered before it is tried again (a fixed file or a server back up recovers).</param>
/// <param name="Assets">The folders local files may be read from, and their size cap; none when null.</param>
/// <param name="Remote">Which servers URLs may reach; only public ones when null.</param>
public sealed record ResourceCacheOptions(
    long MaxBytes = 512L << 20,
    long MaxPixels = 40_000_000,
    long MaxDownloadBytes = 20L << 20,
    TimeSpan? DownloadTimeout = null,
    TimeSpan? UrlTtl = null,
    TimeSpan? RetryFailedAfter = null,
    AssetRoots? Assets = null,
    RemoteAccess? Remote = null)
{
    public AssetRoots LocalFiles => Assets ?? AssetRoots.None;
    public RemoteAccess RemoteServers => Remote ?? RemoteAccess.PublicOnly;

    public TimeSpan Timeout => DownloadTimeout ?? TimeSpan.FromSeconds(10);
    public TimeSpan Ttl => UrlTtl ?? TimeSpan.FromMinutes(5);
    public TimeSpan Retry => RetryFailedAfter ?? TimeSpan.FromSeconds(10);
}
