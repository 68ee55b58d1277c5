using McMaster.NETCore.Plugins;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>A plugin loaded into its own collectible load context, with its own service container.</summary>
public sealed class LoadedPlugin : IDisposable
{
    private PluginLoader? _loader;
    private IDisposable? _services;

    internal LoadedPlugin(PluginManifest manifest, string directory, PluginLoader loader, IDisposable services, PluginContributions contributions)
    {
        Manifest = manifest;
        Directory = directory;
        _loader = loader;
        _services = services;
        Contributions = contributions;
    }

    public PluginManifest Manifest { get; }

    public string Directory { get; }

    /// <summary>What the plugin provides; empty once unloaded.</summary>
    public PluginContributions Contributions { get; private set; }

    public IReadOnlyList<ILayerType> LayerTypes => Contributions.LayerTypes;

    /// <summary>Disposes the plugin's services and unloads its load context; returns a handle to check that it was collected.</summary>
    public WeakReference Unload()
    {
        var context = new WeakReference(_loader?.LoadContext);
        _services?.Dispose();
        _services = null;
        Contributions = PluginContributions.None;
        _loader?.Dispose();
        _loader = null;
        return context;
    }

    public void Dispose() => Unload();
}
