using Microsoft.Extensions.Logging;
using StreamEngine.Application;
using StreamEngine.Core.Animation;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Resources;
using StreamEngine.Core.Scene;
using StreamEngine.Host.Config;
using StreamEngine.Plugins;
using StreamEngine.Scripting;
using StreamEngine.Sdk;
using StreamEngine.State;

namespace StreamEngine.Host.Show;

/// <summary>
/// Composes one show from the configuration: plugins loaded, scene file read, checked and queued, compositor and
/// frame pipeline built, the state store opened. Frame size and rate: command-line flag, else the scene file, else
/// STREAM_RESOLUTION / TARGET_FPS.
/// </summary>
internal static class ShowComposition
{
    /// <summary>Opens the configured state store (SQLite in the data directory, or Redis).</summary>
    public static IStateStore OpenStore(EngineConfig config, string scenePath, ILoggerFactory loggers)
    {
        try
        {
            return StateStore.Open(config.RedisUrl, config.RedisPassword?.Value, config.DataDirectory, loggers,
                show: config.ShowId ?? Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(scenePath)) ?? "show"));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("configuration", "REDIS_URL", e.Message);
        }
    }

    /// <param name="saved">A saved state of this show to continue from (layers, animations, triggers, time), or null to start the scene file afresh.</param>
    /// <param name="loaded">Plugins loaded already (a standby's, see StandbyRehearsal), else they are loaded here.</param>
    /// <param name="ownsPlugins">False when the plugins outlive this show (a rehearsal): disposing it leaves them loaded.</param>
    public static ShowRuntime Open(EngineConfig config, string scenePath, string? sizeFlag, int? fpsFlag, ILoggerFactory loggers, RestoredShow? saved = null,
        PluginCatalog? loaded = null, bool ownsPlugins = true)
    {
        var plugins = loaded ?? LoadPlugins(config, loggers);
        try
        {
            var (read, problems) = ReadScene(scenePath, config, plugins, out var readScenes);
            if (read is null || problems.Count > 0) throw new UserInputException(scenePath, problems);
            var scene = saved?.Scene ?? read;
            var format = FormatOf(config, sizeFlag, fpsFlag, scene);
            var graph = new SceneGraph(config.MaxLayers, Limits(config, format, read)); // a saved state holds the size shown, not the one made for
            var (onAir, scenes) = ShowScenes.Open(saved?.Scenes ?? readScenes!, scene.Layers);
            graph.Enqueue(SceneCommand.LoadLayers(onAir));
            var assets = Path.GetDirectoryName(Path.GetFullPath(scenePath))!;
            var services = new LayerServices(new ResourceCache(ResourceOptions(config, assets), loggers.CreateLogger<ResourceCache>()), new ChatFeed { Limits = new() { MaxChatTextLength = config.ChatMaxText } });
            var compositor = new Compositor(format, plugins, loggers, assets, smoothTransforms: config.RenderQuality != "low", services);
            var animations = new AnimationRuntime(graph, plugins, loggers.CreateLogger<AnimationRuntime>()) { MaxRunning = config.MaxAnimations };
            services.Chat.MessageShown += message => { _ = animations.RaiseAsync("chat"); }; // event:chat triggers, for every source of chat
            var onScreen = onAir.Select(l => l.Id).ToHashSet();
            scenes.Entrances = new SceneEntrances(animations);
            bool Held(AnimationSpec spec) => scenes.Entrances.Hold(spec, onScreen, id => scenes.OffAir(id) is not null);
            if (saved is null) _ = SceneAnimations.StartAsync(animations, scene, Held);
            else
            {
                _ = SceneAnimations.RestoreAsync(animations, scene);
                // A show saved before its entrances' scene came on air (still on its intro) keeps them waiting.
                foreach (var spec in read.Animations.Select(AnimationJson.Parse)) Held(spec);
            }
            var access = new ShowAccess(graph, animations, type => plugins.Find(type) is not null, ScriptLimits(config), loggers);
            access.PatchOffAir = scenes.PatchOffAir;
            access.SceneNames = () => scenes.Names;
            var scripts = new ScriptHost(access, services.Chat, loggers.CreateLogger<ScriptHost>());
            scripts.Restore(saved?.Scripts);
            access.Audio = AudioSettings.Open(scenePath, plugins, (saved?.Frame ?? 0) / (double)format.Fps, out var audioProblems);
            if (audioProblems.Count > 0) throw new UserInputException(scenePath, audioProblems);
            SavedMix.Apply(access.Audio, saved?.Mix);
            return new ShowRuntime(format, graph, compositor, plugins, animations, scripts)
            {
                Access = access,
                Scenes = scenes,
                ScenePreview = new ScenePreview(format, plugins, loggers, assets,
                    () => new LayerServices(new ResourceCache(ResourceOptions(config, assets), loggers.CreateLogger<ResourceCache>()), new ChatFeed { Limits = new() { MaxChatTextLength = config.ChatMaxText } }),
                    graph.Limits, config.MaxLayers),
                FirstFrame = saved?.Frame ?? 0,
                Source = Path.GetFullPath(scenePath),
                OwnsPlugins = ownsPlugins,
            };
        }
        catch
        {
            if (ownsPlugins) plugins.Dispose();
            throw;
        }
    }

    /// <summary>Reads a scene file and checks everything in it against the loaded plugins (layer types, easings).</summary>
    public static (SceneState? Scene, IReadOnlyList<ValidationProblem> Problems) ReadScene(string path, EngineConfig config, PluginCatalog plugins) =>
        ReadScene(path, config, plugins, out _);

    private static (SceneState? Scene, IReadOnlyList<ValidationProblem> Problems) ReadScene(string path, EngineConfig config, PluginCatalog plugins,
        out SceneList? scenes)
    {
        var result = SceneFile.Load(path, type => plugins.Find(type) is not null, config.MaxLayers);
        scenes = result.Scenes;
        if (!result.IsValid) return (null, result.Problems);
        var scene = result.Scene!;
        // The bounds the API keeps, at the size the scene was made for (a smaller --size keeps them, a larger one widens them).
        IReadOnlyList<ValidationProblem> outOfBounds;
        try { outOfBounds = ShowStateRules.CheckScene(scene, Limits(config, FormatOf(config, null, null, scene), scene)); }
        catch (UserInputException e) { return (null, e.Problems); }
        return (scene, [.. outOfBounds, .. SceneAnimations.Check(scene, plugins)]);
    }

    /// <summary>The frame a show is rendered at: the --size and --fps flags, else the scene's, else the configuration's.</summary>
    public static VideoFormat FormatOf(EngineConfig config, string? sizeFlag, int? fpsFlag, SceneState scene)
    {
        var (width, height) = ParseSize(sizeFlag ?? scene.Size, config);
        return new VideoFormat(width, height, fpsFlag ?? scene.Fps ?? config.TargetFps);
    }

    /// <summary>
    /// The bounds of the show's state (LAYER_MAX_SIZE, RASTER_BUDGET_MB) for a frame format. A scene made for a
    /// larger size than it is shown at (<c>--size</c>) keeps the bounds of its own size, so its layers stay valid.
    /// </summary>
    public static ShowLimits Limits(EngineConfig config, VideoFormat format, SceneState? scene = null)
    {
        // The size the scene was made for: its own, else STREAM_RESOLUTION.
        var (designWidth, designHeight) = (config.Width, config.Height);
        if (scene?.Size is { } size && size.Split('x') is [var w, var h] && int.TryParse(w, out var sw) && int.TryParse(h, out var sh))
            (designWidth, designHeight) = (Math.Min(sw, 16384), Math.Min(sh, 16384));
        var (width, height) = (Math.Max(format.Width, designWidth), Math.Max(format.Height, designHeight));
        return ShowLimits.ForFrame(width, height, config.LayerMaxSize, config.RasterBudgetMb) with { FrameWidth = format.Width, FrameHeight = format.Height };
    }

    /// <summary>The cache's limits; local assets come from the show's folder and ASSET_ROOTS only.</summary>
    private static ResourceCacheOptions ResourceOptions(EngineConfig config, string showFolder) => new(
        MaxBytes: (long)config.ResourceCacheMb << 20,
        MaxDownloadBytes: (long)config.RemoteImageMaxMb << 20,
        DownloadTimeout: TimeSpan.FromSeconds(config.RemoteImageTimeoutSeconds),
        UrlTtl: TimeSpan.FromSeconds(config.RemoteImageTtlSeconds),
        Assets: new AssetRoots([showFolder, .. config.AssetRoots.Select(Path.GetFullPath)], (long)config.AssetMaxMb << 20),
        Remote: new RemoteAccess(config.RemoteAllowHosts));

    public static ScriptLimits ScriptLimits(EngineConfig config) => new()
    {
        CallMilliseconds = config.ScriptTimeoutMs, MaxConsecutiveErrors = config.ScriptMaxErrors,
        MemoryBytes = (long)config.ScriptMemoryMb << 20, AllowOutputs = config.ScriptAllowOutputs,
    };

    public static PluginCatalog LoadPlugins(EngineConfig config, ILoggerFactory loggers)
    {
        var plugins = new PluginCatalog(loggers);
        plugins.LoadDirectory(PluginsDirectory(config));
        return plugins;
    }

    public static string PluginsDirectory(EngineConfig config) =>
        config.PluginsDirectory.Length > 0 ? config.PluginsDirectory : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "plugins"));

    private static (int, int) ParseSize(string? size, EngineConfig config)
    {
        if (size is null) return (config.Width, config.Height);
        var parsed = new ConfigLoader().Set("STREAM_RESOLUTION", size);
        if (parsed.Problems.Count > 0) throw new UserInputException("--size", parsed.Problems);
        return (parsed.Config.Width, parsed.Config.Height);
    }

    /// <summary>
    /// Live shows: plugins are reloaded when their files change or on request, their layers drawn ahead with the new
    /// version off the frame thread.
    /// </summary>
    public static void ReloadPluginsLive(ShowRuntime show, EngineConfig config, ILoggerFactory loggers) =>
        show.ReloadPluginsLive(new PluginReloader(show.Plugins, PluginsDirectory(config), loggers, (show.Compositor, show.Scene), show.Stats.Heartbeat));
}
