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
public sealed class PluginCatalog(ILoggerFactory loggers) : ILayerTypeCatalog, IEasingCatalog, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<PluginCatalog>();
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginFailure> _failures = [];
    private Dictionary<string, ILayerType> _layerTypes = new(StringComparer.Ordinal);
    private Dictionary<string, IEasing> _easings = new(StringComparer.OrdinalIgnoreCase);
    private IEasingProvider[] _easingProviders = [];
    private readonly ConcurrentDictionary<string, IEasing> _resolvedEasings = new(StringComparer.OrdinalIgnoreCase);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IReadOnlyList<PluginFailure> Failures => _failures;

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
                _failures.Add(new PluginFailure(folder, error));
                _logger.LogError("Plugin in {Folder} skipped: {Error}", folder, error);
            }
        }
    }

    private void Add(LoadedPlugin plugin)
    {
        var contributions = plugin.Contributions;
        var layerTypes = Merged(_layerTypes, contributions.LayerTypes, t => t.Name, "layer type", plugin);
        var easings = Merged(_easings, contributions.Easings, e => e.Name, "easing", plugin);
        _plugins.Add(plugin);
        _layerTypes = layerTypes;
        _easings = easings;
        _easingProviders = [.. _easingProviders, .. contributions.EasingProviders];
        _resolvedEasings.Clear();
        Interlocked.Increment(ref _generation);
        _logger.LogInformation("Plugin {PluginId} {Version} loaded: {Contributions}", plugin.Manifest.Id, plugin.Manifest.Version, contributions);
    }

    /// <summary>The registry with the plugin's entries added; a name another plugin already has refuses the plugin.</summary>
    private static Dictionary<string, T> Merged<T>(Dictionary<string, T> current, IEnumerable<T> added, Func<T, string> name, string what, LoadedPlugin plugin)
    {
        var next = new Dictionary<string, T>(current, current.Comparer);
        foreach (var item in added)
        {
            if (!next.TryAdd(name(item), item))
            {
                plugin.Unload();
                throw new PluginLoadException($"plugin '{plugin.Manifest.Id}' registers {what} '{name(item)}', which another plugin already provides");
            }
        }
        return next;
    }

    public void Dispose()
    {
        _layerTypes = new(StringComparer.Ordinal);
        _easings = new(StringComparer.OrdinalIgnoreCase);
        _easingProviders = [];
        _resolvedEasings.Clear();
        foreach (var plugin in _plugins) plugin.Dispose();
        _plugins.Clear();
    }
}

/// <summary>A plugin folder that could not be loaded, and why.</summary>
public sealed record PluginFailure(string Directory, string Error);
