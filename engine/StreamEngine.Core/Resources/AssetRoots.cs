namespace StreamEngine.Core.Resources;

/// <summary>
/// The folders local assets (images, frame folders, sheets, fonts) may be read from: the show's folder and the configured
/// asset roots. A path is checked by its real location (so neither <c>..</c> nor a symlink leads out), must be a regular
/// file (a device such as <c>/dev/zero</c> or a FIFO is never opened) and at most <see cref="MaxFileBytes"/> before reading.
/// </summary>
public sealed class AssetRoots
{
    private readonly List<string> _roots;

    /// <param name="folders">Allowed folders; ones that do not exist are left out.</param>
    /// <param name="maxFileBytes">Largest local file read.</param>
    public AssetRoots(IEnumerable<string> folders, long maxFileBytes = 100L << 20)
    {
        _roots = folders.Select(LocalFile.RealPath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        MaxFileBytes = maxFileBytes;
    }

    /// <summary>No local file at all.</summary>
    public static AssetRoots None { get; } = new([]);

    /// <summary>The allowed folders, real paths.</summary>
    public IReadOnlyList<string> Folders => _roots;

    public long MaxFileBytes { get; }

    /// <summary>True when <paramref name="path"/> is an allowed folder (a folder of animation frames).</summary>
    public bool IsFolder(string path) =>
        LocalFile.RealPath(path) is { } real && Inside(real) && LocalFile.Stat(real).Kind == LocalFile.Kind.Directory;

    /// <summary>Reads an allowed regular file; a <see cref="ResourceException"/> names the path and why it is refused.</summary>
    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var real = LocalFile.RealPath(path) ?? throw new ResourceException($"'{path}' does not exist");
        if (!Inside(real))
            throw new ResourceException(_roots.Count == 0
                ? $"'{path}': local files are not read here"
                : $"'{path}' is outside the show's folder and the asset roots ({string.Join(", ", _roots)}); copy it there or add its folder to ASSET_ROOTS");
        var (kind, size) = LocalFile.Stat(real);
        if (kind != LocalFile.Kind.Regular)
            throw new ResourceException(kind == LocalFile.Kind.Missing ? $"'{path}' does not exist"
                : $"'{path}' is not a regular file (folders, devices, FIFOs and sockets are not read as images or fonts)");
        if (size > MaxFileBytes) throw TooLarge(path);
        await using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
        return await ReadLimitedAsync(stream, MaxFileBytes, () => TooLarge(path), cancellationToken);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing it once it passes <paramref name="limit"/> bytes.</summary>
    internal static async Task<byte[]> ReadLimitedAsync(Stream stream, long limit, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private bool Inside(string real) =>
        _roots.Exists(root => real == root || real.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal));

    private ResourceException TooLarge(string path) =>
        new($"'{path}' is larger than the limit of {(MaxFileBytes >= 1 << 20 ? $"{MaxFileBytes >> 20} MB" : $"{MaxFileBytes:N0} bytes")} for a local asset (ASSET_MAX_MB)");
}
