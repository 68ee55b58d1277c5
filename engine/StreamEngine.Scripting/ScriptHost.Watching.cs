using Microsoft.Extensions.Logging;

namespace StreamEngine.Scripting;

public sealed partial class ScriptHost
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Dictionary<string, Timer> _debounce = new(StringComparer.Ordinal);

    /// <summary>Watches the scripts' files: a save reloads the script at the next frame boundary, keeping its state.</summary>
    public void Watch()
    {
        foreach (var directory in _slots.Where(s => s.Language != ScriptLanguage.Behaviour).Select(s => Path.GetDirectoryName(s.Path)!).Distinct())
        {
            var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Changed += (_, e) => Changed(e.FullPath);
            watcher.Created += (_, e) => Changed(e.FullPath);
            watcher.Renamed += (_, e) => Changed(e.FullPath); // editors save to a temporary file and rename it
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Changed(string path)
    {
        var slot = _slots.FirstOrDefault(s => s.Path == Path.GetFullPath(path));
        if (slot is null) return;
        // One save raises several events: reload once, after they settle.
        lock (_debounce)
        {
            if (_debounce.TryGetValue(slot.Path, out var pending)) pending.Change(Settle, Timeout.InfiniteTimeSpan);
            else _debounce[slot.Path] = new Timer(_ => Reload(slot), null, Settle, Timeout.InfiniteTimeSpan);
        }
    }

    private void Reload(ScriptSlot slot)
    {
        lock (_debounce)
        {
            if (_debounce.Remove(slot.Path, out var timer)) timer.Dispose();
        }
        _logger.LogInformation("Script {Script} changed; compiling it", slot.Name);
        _ = PrepareAsync(slot);
    }

    private void StopWatching()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _watchers.Clear();
        lock (_debounce)
        {
            foreach (var timer in _debounce.Values) timer.Dispose();
            _debounce.Clear();
        }
    }
}
