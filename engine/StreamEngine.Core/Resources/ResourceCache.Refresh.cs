using Microsoft.Extensions.Logging;

namespace StreamEngine.Core.Resources;

/// <summary>Newer versions: local files saved again (watched) and URLs past their TTL are loaded again.</summary>
public sealed partial class ResourceCache
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    /// <summary>Starts loading the newer version of files saved again and of URLs past their TTL.</summary>
    private void RefreshChanged()
    {
        var changedFiles = new HashSet<string>(StringComparer.Ordinal);
        while (_changedFiles.TryDequeue(out var path)) changedFiles.Add(path);
        var now = _time.GetUtcNow();
        var scanUrls = now - _lastTtlScan >= TimeSpan.FromSeconds(1);
        if (changedFiles.Count == 0 && !scanUrls) return;
        if (scanUrls) _lastTtlScan = now;
        foreach (var entry in _entries.Values)
        {
            if (entry.Loading || entry.Value is null || entry.Load is null) continue;
            var due = ResourceSource.IsUrl(entry.Source)
                ? scanUrls && now - entry.LoadedAt >= _options.Ttl
                : changedFiles.Contains(entry.Source) || changedFiles.Any(f => Path.GetDirectoryName(f) == entry.Source);
            if (due) Start(entry);
        }
    }

    /// <summary>Watches the folder of a local file (or the folder itself) so that saving it again shows the new version.</summary>
    private void Watch(string source)
    {
        if (ResourceSource.IsUrl(source)) return;
        var folder = Directory.Exists(source) ? source : Path.GetDirectoryName(source);
        if (folder is null || _watchers.ContainsKey(folder) || !Directory.Exists(folder)) return;
        try
        {
            // Settled on the wall clock: a save's several events load the new version once.
            var watcher = new FolderWatch(folder, Settle, path => path, _changedFiles.Enqueue);
            _watchers[folder] = watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Resources in {Folder} will not be reloaded when they change: {Error}", folder, e.Message);
        }
    }
}
