using McMaster.NETCore.Plugins;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins;

/// <summary>A plugin loaded into its own collectible load context, with its own service container.</summary>
public sealed class LoadedPlugin : IDisposable
{
    private PluginLoader? _loader;
    private IDisposable? _services;

    internal LoadedPlugin(PluginManifest manifest, string directory, PluginLoader loader, IDisposable services, IReadOnlyList<ILayerType> layerTypes)
    {
        Manifest = manifest;
        Directory = directory;
        _loader = loader;
        _services = services;
        LayerTypes = layerTypes;
    }

    public PluginManifest Manifest { get; }

    public string Directory { get; }

    public IReadOnlyList<ILayerType> LayerTypes { get; private set; }

    /// <summary>Disposes the plugin's services and unloads its load context; returns a handle to check that it was collected.</summary>
    public WeakReference Unload()
    {
        var context = new WeakReference(_loader?.LoadContext);
        _services?.Dispose();
        _services = null;
        LayerTypes = [];
        _loader?.Dispose();
        _loader = null;
        return context;
    }

    public void Dispose() => Unload();
}
