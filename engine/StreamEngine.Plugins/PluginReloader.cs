using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>
/// Hot reload: watches the plugins directory; when a plugin's files change it loads the new version off the frame
/// thread, draws the shown layers with its renderers off the frame thread too (given the compositor and scene), swaps
/// it in at a frame boundary once they are drawn, unloads the old version a frame later and checks that its load
/// context is really collected. A version that fails to load is reported and the running one stays.
/// </summary>
/// <param name="show">Where the layers are drawn ahead; without it the new renderers draw on the frame thread at the swap.</param>
/// <param name="frames">The live clock's heartbeat: the collections that unload an old version start right after a frame is delivered.</param>
public sealed class PluginReloader(PluginCatalog catalog, string pluginsDirectory, ILoggerFactory loggers,
    (Compositor Compositor, SceneGraph Scene)? show = null, FrameHeartbeat? frames = null) : IFrameHook, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private readonly ILogger _logger = loggers.CreateLogger<PluginReloader>();
    private readonly ConcurrentQueue<Pending> _ready = new();
    private readonly List<(LoadedPlugin Old, Task Released)> _retiring = [];
    private Pending? _drawing;
    private FolderWatch? _watcher;
    private long _reloads, _unloaded, _leaked;

    public long Reloads => Interlocked.Read(ref _reloads);

    /// <summary>Old versions whose load context was collected, and those still alive after the check.</summary>
    public (long Unloaded, long StillLoaded) Unloads => (Interlocked.Read(ref _unloaded), Interlocked.Read(ref _leaked));

    public void Watch()
    {
        if (!Directory.Exists(pluginsDirectory)) return;
        // Copying a plugin writes several files: reload once they have stopped changing.
        _watcher = new FolderWatch(pluginsDirectory, Settle, PluginFolderOf, folder => _ = ReloadAsync(folder).ContinueWith(_ => { }),
            includeSubfolders: true);
        _logger.LogInformation("Watching {Directory} for plugin changes", pluginsDirectory);
    }

    /// <summary>Loads the plugin in <paramref name="folder"/> again; completes when the new version renders, or fails with the reason.</summary>
    public async Task ReloadAsync(string folder)
    {
        // Loading (assemblies, type scanning, the plugin's services) takes CPU the frame thread must not wait for.
        LoadedPlugin? next = null;
        await YieldingWork.Run("plugin-load", () =>
        {
            next = Load(folder);
            SwapCode.Compile([typeof(PluginReloader), typeof(PluginCatalog), typeof(Compositor), typeof(PreparedLayers), .. catalog.ReplacedHandlerTypes]);
        });
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ready.Enqueue(new Pending(next!, done));
        await done.Task;
    }

    private LoadedPlugin Load(string folder)
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
        return next;
    }

    /// <summary>
    /// Frame thread: unloads what was retired last frame; starts drawing the layers for a version that finished
    /// loading, and swaps it in at the first frame after they are drawn. One reload at a time.
    /// </summary>
    public void OnFrame(FrameTime time)
    {
        foreach (var (old, released) in _retiring) CheckUnloaded(old, released);
        _retiring.Clear();
        if (_drawing is { } drawing)
        {
            if (!drawing.Drawn!.Ready.IsCompleted || time.Index < drawing.Drawn.SwapFrom) return;
            // Layers that changed while they were drawn (a new chat line, a script's update) are drawn again first.
            if (drawing.Drawn.Ready.IsCompletedSuccessfully && show!.Value.Compositor.CatchUp(drawing.Drawn, show.Value.Scene, time)) return;
            _drawing = null;
            Swap(drawing);
        }
        while (_ready.TryDequeue(out var ready))
        {
            if (show is { } s)
            {
                ready.Drawn = s.Compositor.Prepare(s.Scene, catalog.Preview(ready.Next), time);
                _drawing = ready;
                return;
            }
            Swap(ready);
        }
    }

    private void Swap(Pending reload)
    {
        try
        {
            var old = catalog.Replace(reload.Next);
            var released = Task.CompletedTask;
            if (reload.Drawn is { Ready.IsCompletedSuccessfully: true } drawn) released = show!.Value.Compositor.Adopt(drawn, AfterThisFrame());
            else if (reload.Drawn is { } failed)
            {
                _logger.LogWarning(failed.Ready.Exception, "Plugin {PluginId}: drawing its layers ahead failed; they are drawn at the swap", reload.Next.Manifest.Id);
                failed.Dispose();
            }
            if (old is not null) _retiring.Add((old, released));
            Interlocked.Increment(ref _reloads);
            reload.Done.TrySetResult();
        }
        catch (PluginLoadException e)
        {
            reload.Drawn?.Dispose();
            catalog.RecordFailure(reload.Next.Directory, e.Message);
            reload.Done.TrySetException(e);
        }
    }

    /// <summary>Completes once the frame being composed is delivered (at most a second later, should the clock stop).</summary>
    private Task? AfterThisFrame() =>
        frames is { IsRunning: true } ? frames.NextDelivery().WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default) : null;

    private sealed class Pending(LoadedPlugin next, TaskCompletionSource done)
    {
        public LoadedPlugin Next => next;
        public TaskCompletionSource Done => done;
        public PreparedLayers? Drawn { get; set; }
    }

    /// <summary>The plugin folder a changed file belongs to, or null when it is not inside one.</summary>
    private string? PluginFolderOf(string path)
    {
        var root = Path.GetFullPath(pluginsDirectory);
        var folder = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0];
        if (folder is "." or ".." || !File.Exists(Path.Combine(root, folder, PluginManifest.FileName))) return null;
        return Path.Combine(root, folder);
    }

    /// <summary>
    /// Off the frame thread, once the old version's renderers are disposed (and a frame has released any it still held):
    /// unloads it and checks that its load context is collected.
    /// </summary>
    private void CheckUnloaded(LoadedPlugin old, Task released)
    {
        var id = $"{old.Manifest.Id} {old.Manifest.Version}";
        _ = Task.Run(async () =>
        {
            await released.ContinueWith(_ => { }, TaskScheduler.Default);
            var context = old.Unload();
            for (var i = 0; i < 10 && context.IsAlive; i++)
            {
                // A collection and the unloading it leads to stop every thread for a few milliseconds: started just
                // after a frame was delivered, that falls in the frame thread's idle time instead of delaying a frame.
                if (frames is { IsRunning: true }) await frames.NextDelivery().WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
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
        _drawing?.Drawn?.Dispose();
        _watcher?.Dispose();
    }
}
