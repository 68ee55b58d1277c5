using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;
using StreamEngine.Core.Scene;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;
using StreamEngine.Host.Show;
using StreamEngine.Plugins;
using StreamEngine.Sdk;
using StreamEngine.State;

namespace StreamEngine.Host.Failover;

/// <summary>
/// What a standby does while it waits, so that a takeover only restores the state and starts the outputs: it loads
/// the plugins (kept for the show it will run), reads the show as the active engine last saved it (read only: the
/// store is not this engine's yet), renders it for a second into nothing — the code paths compiled, fonts, images and
/// rasters loaded — and lets the encoder pick its video encoder (ffmpeg's hardware probe). A takeover that comes while
/// it is still rehearsing does not wait for it: the show then loads its plugins itself.
/// </summary>
internal sealed class StandbyRehearsal : IDisposable
{
    private const int Frames = 30;

    private readonly Lock _gate = new();
    private PluginCatalog? _plugins;
    private bool _done, _taken;

    private StandbyRehearsal() { }

    /// <summary>Starts rehearsing <paramref name="scenePath"/> in the background.</summary>
    public static StandbyRehearsal Start(EngineConfig config, string scenePath, string? sizeFlag, int? fpsFlag, IStateStore store, ILoggerFactory loggers)
    {
        var rehearsal = new StandbyRehearsal();
        _ = Task.Run(() => rehearsal.RunAsync(config, scenePath, sizeFlag, fpsFlag, store, loggers));
        return rehearsal;
    }

    /// <summary>The rehearsal's plugins, for the show this engine now runs; null when it has not finished (or failed).</summary>
    public PluginCatalog? TakePlugins()
    {
        lock (_gate)
        {
            _taken = true;
            return _done ? _plugins : null;
        }
    }

    private async Task RunAsync(EngineConfig config, string scenePath, string? sizeFlag, int? fpsFlag, IStateStore store, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("failover");
        var started = Stopwatch.GetTimestamp();
        PluginCatalog? plugins = null;
        try
        {
            plugins = ShowComposition.LoadPlugins(config, loggers);
            var now = await ShowAsSavedAsync(config, scenePath, sizeFlag, fpsFlag, store);
            using (var show = ShowComposition.Open(config, scenePath, sizeFlag, fpsFlag, loggers, now, plugins, ownsPlugins: false))
            {
                var pipeline = show.CreatePipeline(new DiscardedFrames());
                pipeline.WarmUp(new FrameTime(show.FirstFrame, show.Format.Fps));
                for (var i = 1; i <= Frames; i++) pipeline.Tick(new FrameTime(show.FirstFrame + i, show.Format.Fps));
            }
            if (config.Encoder == "ffmpeg")
                await new HardwareEncoderProbe(loggers.CreateLogger<HardwareEncoderProbe>()).ChooseAsync(Encoders.Settings(config, live: true));
            logger.LogInformation("Standby ready to take over: plugins loaded and the show rendered once in {Ms:0} ms{Saved}",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, now is null ? " (from its scene file: nothing saved yet)" : " (as last saved)");
        }
        catch (Exception e)
        {
            logger.LogWarning("Standby could not rehearse the show ({Reason}); a takeover loads it from scratch", e.Message);
            plugins?.Dispose();
            plugins = null;
        }
        lock (_gate)
        {
            (_plugins, _done) = (plugins, true);
            if (!_taken) return;
        }
        // Taken over before the rehearsal was done: the show loaded its own plugins, these are nobody's.
        plugins?.Dispose();
    }

    /// <summary>The show as the active engine saved it, or null (nothing saved, another scene's, unreadable: the scene file is rehearsed).</summary>
    private static async Task<RestoredShow?> ShowAsSavedAsync(EngineConfig config, string scenePath, string? sizeFlag, int? fpsFlag, IStateStore store)
    {
        try
        {
            var made = SceneFile.Load(scenePath).Scene;
            return RestoredShow.Read(await store.LoadShowAsync(CancellationToken.None), scenePath, DateTimeOffset.UtcNow,
                read => ShowComposition.Limits(config, ShowComposition.FormatOf(config, sizeFlag, fpsFlag, read), made ?? read), out _);
        }
        catch (Exception e) when (e is StoreUnavailableException or CorruptSnapshotException) { return null; }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_taken) return;
            _taken = true;
            if (!_done) return;
        }
        _plugins?.Dispose();
    }

    private sealed class DiscardedFrames : IFrameSink
    {
        public bool TryWrite(VideoFrame frame)
        {
            frame.Release();
            return true;
        }

        public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
        {
            frame.Release();
            return ValueTask.CompletedTask;
        }
    }
}
