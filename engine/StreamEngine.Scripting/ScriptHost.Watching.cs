using Microsoft.Extensions.Logging;
using StreamEngine.Core.Resources;

namespace StreamEngine.Scripting;

public sealed partial class ScriptHost
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(150);
    private readonly List<FolderWatch> _watchers = [];

    /// <summary>Watches the scripts' files: a save reloads the script at the next frame boundary, keeping its state.</summary>
    public void Watch()
    {
        foreach (var directory in _slots.Where(s => s.Language != ScriptLanguage.Behaviour).Select(s => Path.GetDirectoryName(s.Path)!).Distinct())
            _watchers.Add(new FolderWatch(directory, Settle, SlotPath, Reload));
    }

    /// <summary>The script a changed file is, or null for any other file in its folder.</summary>
    private string? SlotPath(string path) => _slots.FirstOrDefault(s => s.Path == Path.GetFullPath(path))?.Path;

    private void Reload(string path)
    {
        if (_slots.FirstOrDefault(s => s.Path == path) is not { } slot) return;
        _logger.LogInformation("Script {Script} changed; compiling it", slot.Name);
        _ = PrepareAsync(slot);
    }

    private void StopWatching()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _watchers.Clear();
    }
}
