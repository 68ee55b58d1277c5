using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>
/// Hot reload: watches the plugins directory; when a plugin's files change it loads the new version off the frame
/// thread, swaps it in at a frame boundary (renderers are recreated from the layers' state), unloads the old version
/// a frame later and checks that its load context is really collected. A version that fails to load is reported and
/// the running one stays.
/// </summary>
public sealed class PluginReloader(PluginCatalog catalog, string pluginsDirectory, ILoggerFactory loggers) : IFrameHook, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private readonly ILogger _logger = loggers.CreateLogger<PluginReloader>();
    private readonly ConcurrentQueue<(LoadedPlugin Next, TaskCompletionSource Done)> _ready = new();
    private readonly ConcurrentDictionary<string, Timer> _debounce = new();
    private readonly List<LoadedPlugin> _retiring = [];
    private FileSystemWatcher? _watcher;
    private long _reloads, _unloaded, _leaked;

    public long Reloads => Interlocked.Read(ref _reloads);

    /// <summary>Old versions whose load context was collected, and those still alive after the check.</summary>
    public (long Unloaded, long StillLoaded) Unloads => (Interlocked.Read(ref _unloaded), Interlocked.Read(ref _leaked));

    public void Watch()
    {
        if (!Directory.Exists(pluginsDirectory)) return;
        _watcher = new FileSystemWatcher(Path.GetFullPath(pluginsDirectory)) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        _watcher.Changed += (_, e) => Changed(e.FullPath);
        _watcher.Created += (_, e) => Changed(e.FullPath);
        _watcher.Renamed += (_, e) => Changed(e.FullPath);
        _logger.LogInformation("Watching {Directory} for plugin changes", pluginsDirectory);
    }

    /// <summary>Loads the plugin in <paramref name="folder"/> again; completes when the new version renders, or fails with the reason.</summary>
    public Task ReloadAsync(string folder) => Task.Run(() =>
    {
        LoadedPlugin next;
        try { next = PluginLoaderFactory.Load(Path.GetFullPath(folder), loggers); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var error = e is PluginLoadException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            catalog.RecordFailure(Path.GetFullPath(folder), error);
            _logger.LogError("Plugin in {Folder} was not reloaded, the running version stays: {Error}", folder, error);
            throw new PluginLoadException(error, e);
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ready.Enqueue((next, done));
        return done.Task;
    });

    /// <summary>Frame thread: unloads what was retired last frame, then swaps in what finished loading.</summary>
    public void OnFrame(FrameTime time)
    {
        foreach (var old in _retiring) CheckUnloaded(old);
        _retiring.Clear();
        while (_ready.TryDequeue(out var ready))
        {
            try
            {
                if (catalog.Replace(ready.Next) is { } old) _retiring.Add(old);
                Interlocked.Increment(ref _reloads);
                ready.Done.TrySetResult();
            }
            catch (PluginLoadException e)
            {
                catalog.RecordFailure(ready.Next.Directory, e.Message);
                ready.Done.TrySetException(e);
            }
        }
    }

    private void Changed(string path)
    {
        var root = Path.GetFullPath(pluginsDirectory);
        var relative = Path.GetRelativePath(root, path);
        var folder = relative.Split(Path.DirectorySeparatorChar)[0];
        if (folder is "." or ".." || !File.Exists(Path.Combine(root, folder, PluginManifest.FileName))) return;
        var full = Path.Combine(root, folder);
        // Copying a plugin writes several files: reload once they have stopped changing.
        var timer = _debounce.GetOrAdd(full, f => new Timer(_ => _ = ReloadAsync(f).ContinueWith(_ => { }), null, Timeout.Infinite, Timeout.Infinite));
        timer.Change(Settle, Timeout.InfiniteTimeSpan);
    }

    private void CheckUnloaded(LoadedPlugin old)
    {
        var context = old.Unload();
        var id = $"{old.Manifest.Id} {old.Manifest.Version}";
        _ = Task.Run(async () =>
        {
            for (var i = 0; i < 10 && context.IsAlive; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false); // background GC: no long pause for the frame thread
                await Task.Delay(500);
            }
            if (context.IsAlive)
            {
                Interlocked.Increment(ref _leaked);
                _logger.LogWarning("Plugin {Plugin}: the old version is still loaded after 5 s; something still holds it", id);
            }
            else
            {
                Interlocked.Increment(ref _unloaded);
                _logger.LogInformation("Plugin {Plugin}: the old version is unloaded", id);
            }
        });
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        foreach (var timer in _debounce.Values) timer.Dispose();
    }
}
