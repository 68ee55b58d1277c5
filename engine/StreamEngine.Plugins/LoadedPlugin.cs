using McMaster.NETCore.Plugins;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;

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

/// <summary>The implementations of SDK contracts found in a plugin.</summary>
public sealed record PluginContributions(IReadOnlyList<ILayerType> LayerTypes, IReadOnlyList<IEasing> Easings, IReadOnlyList<IEasingProvider> EasingProviders)
{
    public static readonly PluginContributions None = new([], [], []);

    public override string ToString() => string.Join("; ", new[]
    {
        LayerTypes.Count > 0 ? "layer types " + string.Join(", ", LayerTypes.Select(t => t.Name)) : null,
        Easings.Count > 0 ? $"{Easings.Count} easings" : null,
        EasingProviders.Count > 0 ? $"{EasingProviders.Count} easing functions" : null,
    }.OfType<string>());
}
