using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Encoding;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins;

/// <summary>
/// Loads one plugin folder: its own collectible load context that shares only the SDK (and the libraries the SDK's
/// types expose: SkiaSharp, logging), and its own service container built by scanning the plugin for SDK contracts.
/// </summary>
internal static class PluginLoaderFactory
{
    private static readonly Type[] SharedTypes = [typeof(ILayerType), typeof(SKCanvas), typeof(ILogger), typeof(IServiceProvider)];

    /// <summary>The SDK contracts a plugin can implement; without a registrar the scan registers every public class implementing one.</summary>
    private static readonly Type[] Contracts =
    [
        typeof(ILayerType), typeof(IEasing), typeof(IEasingProvider), typeof(IChatSourceType), typeof(IChatStage),
        typeof(IShowBehaviour), typeof(IEncoderType), typeof(IAudioSourceType), typeof(ICliCommand),
    ];

    public static LoadedPlugin Load(string directory, ILoggerFactory loggers)
    {
        var manifest = PluginManifest.Read(Path.Combine(directory, PluginManifest.FileName));
        var entry = Path.Combine(directory, manifest.EntryAssembly);
        SdkCompatibility.Check(manifest, entry);
        if (!File.Exists(entry))
            throw new PluginLoadException($"plugin '{manifest.Id}': entry assembly '{manifest.EntryAssembly}' not found in {directory}");

        // In memory: a new version can be copied over the files of the loaded one (hot reload) without touching it.
        var loader = PluginLoader.CreateFromAssemblyFile(entry, isUnloadable: true, SharedTypes, config =>
        {
            config.PreferSharedTypes = true;
            config.LoadInMemory = true;
        });
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var services = new ServiceCollection();
            services.AddSingleton(loggers);
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            var registrars = assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IPluginRegistrar))).ToList();
            if (registrars.Count == 0)
            {
                services.Scan(scan => scan.FromAssemblies(assembly)
                    .AddClasses(classes => classes.AssignableToAny(Contracts), publicOnly: true)
                    .AsImplementedInterfaces(type => Contracts.Contains(type))
                    .WithSingletonLifetime());
            }
            var provider = services.BuildServiceProvider();
            var registry = new PluginRegistry(loggers);
            // The plugin's own registration contract, else the scan: one way in either case, through the registry.
            if (registrars.Count > 0)
                foreach (var registrar in registrars) ((IPluginRegistrar)ActivatorUtilities.CreateInstance(provider, registrar)).Register(registry);
            else registry.AddAll(provider);
            return new LoadedPlugin(manifest, directory, loader, provider, registry.Contributions());
        }
        catch (Exception e) when (e is not PluginLoadException)
        {
            loader.Dispose();
            throw new PluginLoadException($"plugin '{manifest.Id}' failed to load: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
