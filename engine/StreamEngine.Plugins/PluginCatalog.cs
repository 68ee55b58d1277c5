using Microsoft.Extensions.Logging;
using StreamEngine.Core.Rendering;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>
/// The plugins found in a plugins directory (one sub-folder with a plugin.json each) and the layer types they provide.
/// A plugin that fails to load is reported and skipped; the others load.
/// </summary>
public sealed class PluginCatalog(ILoggerFactory loggers) : ILayerTypeCatalog, IDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<PluginCatalog>();
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginFailure> _failures = [];
    private Dictionary<string, ILayerType> _layerTypes = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IReadOnlyList<PluginFailure> Failures => _failures;

    public IEnumerable<string> LayerTypeNames => _layerTypes.Keys;

    public ILayerType? Find(string typeName) => _layerTypes.GetValueOrDefault(typeName);

    public void LoadDirectory(string pluginsDirectory)
    {
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
            catch (PluginLoadException e)
            {
                _failures.Add(new PluginFailure(folder, e.Message));
                _logger.LogError("Plugin in {Folder} skipped: {Error}", folder, e.Message);
            }
        }
    }

    private void Add(LoadedPlugin plugin)
    {
        var next = new Dictionary<string, ILayerType>(_layerTypes, StringComparer.Ordinal);
        foreach (var type in plugin.LayerTypes)
        {
            if (next.ContainsKey(type.Name))
            {
                plugin.Unload();
                throw new PluginLoadException($"plugin '{plugin.Manifest.Id}' registers layer type '{type.Name}', which another plugin already provides");
            }
            next[type.Name] = type;
        }
        _plugins.Add(plugin);
        _layerTypes = next;
        Interlocked.Increment(ref _generation);
        _logger.LogInformation("Plugin {PluginId} {Version} loaded: layer types {LayerTypes}",
            plugin.Manifest.Id, plugin.Manifest.Version, string.Join(", ", plugin.LayerTypes.Select(t => t.Name)));
    }

    public void Dispose()
    {
        _layerTypes = new(StringComparer.Ordinal);
        foreach (var plugin in _plugins) plugin.Dispose();
        _plugins.Clear();
    }
}

/// <summary>A plugin folder that could not be loaded, and why.</summary>
public sealed record PluginFailure(string Directory, string Error);
