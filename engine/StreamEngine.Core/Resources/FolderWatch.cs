namespace StreamEngine.Core.Resources;

/// <summary>
/// Watches a folder and reports what changed in it once the changes have settled: one save raises several events
/// (editors write a temporary file and rename it; copying a plugin writes many files), and the watcher's owner wants
/// one reload. Each changed path is mapped to a key (the file, the script, the plugin folder); a key is reported
/// <c>settle</c> after its last change. The one file watcher of the engine: resources, scripts and plugins use it.
/// </summary>
public sealed class FolderWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Dictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private readonly TimeSpan _settle;
    private readonly Func<string, string?> _keyOf;
    private readonly Action<string> _changed;
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <param name="folder">The folder to watch; it must exist (<see cref="IOException"/>, <see cref="ArgumentException"/> otherwise).</param>
    /// <param name="settle">How long a key must stay quiet before it is reported.</param>
    /// <param name="keyOf">Maps a changed path to what it belongs to, or null to ignore it. Called on the watcher's thread.</param>
    /// <param name="changed">Called once per key after its changes settled, on a timer thread; it must not throw.</param>
    /// <param name="includeSubfolders">Watches the whole tree under <paramref name="folder"/>.</param>
    public FolderWatch(string folder, TimeSpan settle, Func<string, string?> keyOf, Action<string> changed, bool includeSubfolders = false,
        TimeProvider? time = null)
    {
        (_settle, _keyOf, _changed, _time) = (settle, keyOf, changed, time ?? TimeProvider.System);
        _watcher = new FileSystemWatcher(Path.GetFullPath(folder))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size,
            IncludeSubdirectories = includeSubfolders,
        };
        _watcher.Changed += (_, e) => Seen(e.FullPath);
        _watcher.Created += (_, e) => Seen(e.FullPath);
        _watcher.Renamed += (_, e) => Seen(e.FullPath); // editors save to a temporary file and rename it
        _watcher.EnableRaisingEvents = true;
    }

    public string Folder => _watcher.Path;

    /// <summary>Keys changed and not yet reported.</summary>
    internal int Pending { get { lock (_pending) return _pending.Count; } }

    private void Seen(string path)
    {
        if (_keyOf(path) is not { } key) return;
        lock (_pending)
        {
            if (_disposed) return;
            if (_pending.TryGetValue(key, out var timer)) timer.Change(_settle, Timeout.InfiniteTimeSpan);
            else _pending[key] = _time.CreateTimer(_ => Settled(key), null, _settle, Timeout.InfiniteTimeSpan);
        }
    }

    private void Settled(string key)
    {
        lock (_pending)
        {
            if (_disposed || !_pending.Remove(key, out var timer)) return;
            timer.Dispose();
        }
        _changed(key);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        lock (_pending)
        {
            _disposed = true;
            foreach (var timer in _pending.Values) timer.Dispose();
            _pending.Clear();
        }
    }
}
