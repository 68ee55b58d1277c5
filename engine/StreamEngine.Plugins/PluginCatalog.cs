using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Rendering;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;

namespace StreamEngine.Plugins;

/// <summary>
/// The plugins found in a plugins directory (one sub-folder with a plugin.json each) and the layer types they provide.
/// A plugin that fails to load is reported and skipped; the others load.
/// </summary>
public sealed partial class PluginCatalog(ILoggerFactory loggers) : ILayerTypeCatalog, IEasingCatalog, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<PluginCatalog>();
    private LoadedPlugin[] _plugins = [];
    private readonly List<PluginFailure> _failures = [];
    private Dictionary<string, ILayerType> _layerTypes = new(StringComparer.Ordinal);
    private Dictionary<string, IEasing> _easings = new(StringComparer.OrdinalIgnoreCase);
    private IEasingProvider[] _easingProviders = [];
    private readonly ConcurrentDictionary<string, IEasing> _resolvedEasings = new(StringComparer.OrdinalIgnoreCase);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IReadOnlyList<PluginFailure> Failures
    {
        get { lock (_failures) return [.. _failures]; }
    }

    public IEnumerable<string> LayerTypeNames => _layerTypes.Keys;

    public ILayerType? Find(string typeName) => _layerTypes.GetValueOrDefault(typeName);

    public IEnumerable<string> EasingNames => _easings.Keys;

    /// <summary>An easing by name, else from the plugins' easing functions (<c>cubic-bezier(…)</c>), else <c>linear</c> built in.</summary>
    public IEasing Resolve(string specification) => _resolvedEasings.GetOrAdd(specification.Trim(), spec =>
        _easings.GetValueOrDefault(spec)
        ?? _easingProviders.Select(p => p.Resolve(spec)).FirstOrDefault(e => e is not null)
        ?? (spec.Equals("linear", StringComparison.OrdinalIgnoreCase) ? LinearOnlyEasings.Linear : null)
        ?? throw new FormatException($"easing '{spec}' is unknown; known names include {string.Join(", ", _easings.Keys.Order().Take(8))}…"));

    public void LoadDirectory(string pluginsDirectory)
    {
        pluginsDirectory = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(pluginsDirectory))
        {
            _logger.LogWarning("Plugins directory {Directory} does not exist; no layer types are available", pluginsDirectory);
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(pluginsDirectory).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, PluginManifest.FileName))) continue;
            try
            {
                Add(PluginLoaderFactory.Load(folder, loggers));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var error = e is PluginLoadException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                RecordFailure(folder, error);
                _logger.LogError("Plugin in {Folder} skipped: {Error}", folder, error);
            }
        }
    }

    private void Add(LoadedPlugin plugin)
    {
        Install([.. _plugins, plugin], plugin);
        _logger.LogInformation("Plugin {PluginId} {Version} loaded: {Contributions}", plugin.Manifest.Id, plugin.Manifest.Version, plugin.Contributions);
    }

    /// <summary>
    /// Swaps in a new version of a loaded plugin (same folder) and returns the old one, which the caller unloads once
    /// nothing uses it. Renderers are recreated from the layers' state at the next frame. Throws <see cref="PluginLoadException"/>
    /// (leaving the old version in place) when the new one conflicts with another plugin.
    /// </summary>
    public LoadedPlugin? Replace(LoadedPlugin next)
    {
        var old = _plugins.FirstOrDefault(p => p.Directory == next.Directory);
        Install([.. _plugins.Where(p => p != old), next], next);
        lock (_failures) _failures.RemoveAll(f => f.Directory == next.Directory);
        _logger.LogInformation("Plugin {PluginId} reloaded: {Old} -> {New}: {Contributions}",
            next.Manifest.Id, old?.Manifest.Version ?? "none", next.Manifest.Version, next.Contributions);
        Replaced?.Invoke(old, next);
        return old;
    }

    /// <summary>
    /// The layer types as they will be once <paramref name="next"/> replaces the version loaded from its folder, without
    /// changing anything: a reload draws the layers with them ahead of the swap.
    /// </summary>
    public ILayerTypeCatalog Preview(LoadedPlugin next)
    {
        var old = _plugins.FirstOrDefault(p => p.Directory == next.Directory);
        var current = _layerTypes;
        return new LayerTypesAfterReload(name =>
            next.LayerTypes.FirstOrDefault(t => t.Name == name)
            ?? (old?.LayerTypes.Any(t => t.Name == name) == true ? null : current.GetValueOrDefault(name)), Generation + 1);
    }

    private sealed class LayerTypesAfterReload(Func<string, ILayerType?> find, long generation) : ILayerTypeCatalog
    {
        public ILayerType? Find(string typeName) => find(typeName);

        public long Generation => generation;
    }

    /// <summary>Records that a plugin folder could not be (re)loaded.</summary>
    public void RecordFailure(string directory, string error)
    {
        lock (_failures)
        {
            _failures.RemoveAll(f => f.Directory == directory);
            _failures.Add(new PluginFailure(directory, error));
        }
    }

    /// <summary>Rebuilds the registries from <paramref name="plugins"/> and publishes them at once; refuses <paramref name="added"/> on a name clash.</summary>
    private void Install(LoadedPlugin[] plugins, LoadedPlugin added)
    {
        var layerTypes = new Dictionary<string, ILayerType>(StringComparer.Ordinal);
        var easings = new Dictionary<string, IEasing>(StringComparer.OrdinalIgnoreCase);
        foreach (var plugin in plugins.Where(p => p != added).Append(added))
        {
            layerTypes = Merged(layerTypes, plugin.Contributions.LayerTypes, t => t.Name, "layer type", added);
            easings = Merged(easings, plugin.Contributions.Easings, e => e.Name, "easing", added);
        }
        var kinds = MergedKinds(plugins, added);
        (_plugins, _layerTypes, _easings, _kinds) = (plugins, layerTypes, easings, kinds);
        _easingProviders = [.. plugins.SelectMany(p => p.Contributions.EasingProviders)];
        _resolvedEasings.Clear();
        Interlocked.Increment(ref _generation);
    }

    /// <summary>The registry with the plugin's entries added; a name another plugin already has refuses the plugin.</summary>
    private static Dictionary<string, T> Merged<T>(Dictionary<string, T> current, IEnumerable<T> added, Func<T, string> name, string what, LoadedPlugin plugin)
    {
        foreach (var item in added)
        {
            if (!current.TryAdd(name(item), item))
            {
                plugin.Unload();
                throw new PluginLoadException($"plugin '{plugin.Manifest.Id}' registers {what} '{name(item)}', which another plugin already provides");
            }
        }
        return current;
    }

    public void Dispose()
    {
        _layerTypes = new(StringComparer.Ordinal);
        _easings = new(StringComparer.OrdinalIgnoreCase);
        _easingProviders = [];
        _kinds = Kinds.Empty;
        _resolvedEasings.Clear();
        foreach (var plugin in _plugins) plugin.Dispose();
        _plugins = [];
    }
}

/// <summary>A plugin folder that could not be loaded, and why.</summary>
public sealed record PluginFailure(string Directory, string Error);
