using StreamEngine.Core.Animation;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Pipeline;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Plugins;
using StreamEngine.Scripting;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// One running show: its scene graph and named scenes, compositor, plugins, animations, scripts, chat and frame hooks,
/// and the frame pipeline built from them. The host composes it from its configuration (<c>ShowComposition</c>).
/// </summary>
public sealed class ShowRuntime : IDisposable
{
    public ShowRuntime(VideoFormat format, SceneGraph scene, Compositor compositor, PluginCatalog plugins, AnimationRuntime animations, ScriptHost scripts)
    {
        Scripts = scripts;
        scripts.FrameTimed += Stats.RecordScriptTime;
        Format = format;
        Scene = scene;
        Compositor = compositor;
        Plugins = plugins;
        Animations = animations;
    }

    public VideoFormat Format { get; }
    public SceneGraph Scene { get; }

    /// <summary>The named scenes; the on-air one is what <see cref="Scene"/> shows.</summary>
    public ShowScenes Scenes { get; init; } = new(SceneList.Single([]), []);

    /// <summary>Draws a scene off air for the dashboard, away from the frame thread.</summary>
    public ScenePreview? ScenePreview { get; init; }
    public Compositor Compositor { get; }
    public PluginCatalog Plugins { get; }
    public AnimationRuntime Animations { get; }
    public ChatFeed Chat => Compositor.Services.Chat;

    /// <summary>What scripts reach of the show (its mixer, whether voices are waited for).</summary>
    public ShowAccess? Access { get; init; }

    /// <summary>The show's sound, from the scene's <c>audio</c> section; null: the encoder encodes silence.</summary>
    public Core.Audio.AudioMixer? Audio => Access?.Audio;

    /// <summary>Watches the plugins directory and swaps new versions in (live shows: <c>run</c> and <c>demo</c>).</summary>
    public PluginReloader? Reloader { get; private set; }

    /// <summary>
    /// Live shows: plugins are reloaded when their files change or on request, their layers drawn ahead with the new
    /// version off the frame thread.
    /// </summary>
    public void ReloadPluginsLive(PluginReloader reloader)
    {
        Reloader = reloader;
        Reloader.Watch();
        Hooks.Add(Reloader);
    }

    /// <summary>Chat sources, chat stages and behaviours from plugins (set by <c>run</c>).</summary>
    public ShowExtensions? Extensions { get; set; }

    /// <summary>The show's scripts (none until <see cref="LoadScriptsAsync"/>); they run after the animations each frame.</summary>
    public ScriptHost Scripts { get; }

    /// <summary>Frame hooks run after the animations each frame (persistence, scripts).</summary>
    public List<IFrameHook> Hooks { get; } = [];

    /// <summary>With FAILOVER: "active" (this engine holds the show's lease), reported by /health/ready.</summary>
    public string? Role { get; set; }

    /// <summary>The frame the show starts at: 0, or where a restored show was.</summary>
    public long FirstFrame { get; init; }

    /// <summary>False for a show rendered with plugins another show keeps (a standby's rehearsal): disposing it leaves them loaded.</summary>
    public bool OwnsPlugins { get; init; } = true;

    private long _stateVersion;

    /// <summary>Counts the changes a behaviour made to its own state through its routes, so persistence saves them soon.</summary>
    public long StateVersion => Interlocked.Read(ref _stateVersion);

    /// <summary>Marks the show's saved state stale (a behaviour's state changed outside the scene); saved within 100 ms.</summary>
    public void StateChanged() => Interlocked.Increment(ref _stateVersion);

    /// <summary>The scene file the show came from (a saved state is only restored for the same file).</summary>
    public string Source { get; init; } = "";
    public FrameStats Stats { get; } = new();

    /// <summary>The dashboard's preview of the program, in front of the sink of the last pipeline created.</summary>
    public PreviewTap? Preview { get; private set; }

    public FramePipeline CreatePipeline(IFrameSink sink, int bufferCount = 6)
    {
        Preview = new PreviewTap(sink);
        var pipeline = new FramePipeline(Scene, Compositor, new FrameBufferPool(Format, bufferCount), Preview, Stats);
        pipeline.AddHook(Chat);
        pipeline.AddHook(Animations);
        pipeline.AddHook(Scripts);
        if (Audio is not null) pipeline.AddHook(Audio);
        foreach (var hook in Hooks) pipeline.AddHook(hook);
        return pipeline;
    }

    /// <summary>
    /// Compiles the given scripts (files, or folders of .js/.mjs/.csx) and the ones in the scene's own <c>scripts/</c> folder;
    /// they start at the first frame. With <paramref name="strict"/> a script that does not load is an input error
    /// (offline renders); otherwise it is reported and the show starts without it, waiting for a fixed save.
    /// </summary>
    public async Task LoadScriptsAsync(IEnumerable<string> paths, bool strict)
    {
        var sceneScripts = Path.Combine(Path.GetDirectoryName(Source)!, "scripts");
        var files = paths.Append(sceneScripts).SelectMany<string, string>(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(f => ScriptLanguages.Of(f) is not null).Order(StringComparer.Ordinal)
                : p == sceneScripts ? [] : [p])
            .Select(Path.GetFullPath).Distinct().ToList();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UserInputException("--script", "--script", $"{file}: no such file");
            if (ScriptLanguages.Of(file) is null) throw new UserInputException("--script", "--script", $"{file}: expected a .js, .mjs or .csx file");
            var status = await Scripts.AddAsync(file);
            if (strict && status.LastError is { } error) throw new UserInputException(file, "script", error.ToString());
        }
    }

    public void Dispose()
    {
        Reloader?.Dispose();
        Scripts.Dispose();
        Compositor.Dispose();
        Compositor.Services.Dispose();
        if (OwnsPlugins) Plugins.Dispose();
    }
}
