using System.Collections.Concurrent;
using System.Diagnostics;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Pipeline;

/// <summary>
/// One frame, in order: apply queued commands, run frame hooks, compose the layers, hand the frame to the sink.
/// Runs on the frame thread only.
/// </summary>
public sealed class FramePipeline(SceneGraph scene, Compositor compositor, FrameBufferPool pool, IFrameSink sink, FrameStats stats)
{
    private readonly List<IFrameHook> _hooks = [];
    private readonly ConcurrentQueue<Action<FrameTime>> _sceneSwitches = new();
    private readonly IdleCollector _collector = new();
    private long _handedVersion = -1; // the content version of the last frame the sink took

    public SceneGraph Scene => scene;

    public Compositor Compositor => compositor;

    public FrameStats Stats => stats;

    public VideoFormat Format => compositor.Format;

    /// <summary>Where slow live frames' time goes (benchmarks); null in a show. Set before the clock starts.</summary>
    public FrameTrace? Trace { get; set; }

    /// <summary>Code that runs each frame before composing (scripts, behaviours, animations).</summary>
    public void AddHook(IFrameHook hook) => _hooks.Add(hook);

    /// <summary>
    /// Renders every layer's content once before a live clock starts and waits (up to <paramref name="loadWait"/>) for
    /// the images and fonts it asked for, so the first live frames are neither late nor empty. Call it before the clock
    /// runs: it touches the scene from the caller's thread.
    /// </summary>
    public void WarmUp(FrameTime time, TimeSpan? loadWait = null)
    {
        scene.ApplyPending();
        compositor.Compose(scene, time);
        using var wait = new CancellationTokenSource(loadWait ?? TimeSpan.FromSeconds(10));
        try { compositor.Services.Resources.WhenLoadedAsync(wait.Token).GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { return; }
        compositor.Compose(scene, time);
        // Start-up garbage (plugins, scene files, first renders) is collected now, before the first frame is due: left
        // to itself the runtime's first full collection comes a few seconds in, blocking, and stops a frame (~25 ms).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Live tick: never waits; when the encoder is behind the frame is dropped and counted.</summary>
    public void Tick(FrameTime time)
    {
        var started = Stopwatch.GetTimestamp();
        stats.Heartbeat.Ticked();
        try { Advance(time); }
        catch
        {
            stats.RecordDroppedFailed();
            throw;
        }
        if (!pool.TryRent(out var frame))
        {
            FrameTrace.Current?.Dropped("no free frame buffer");
            stats.RecordDroppedEncoderFull();
            return;
        }
        try
        {
            compositor.Compose(scene, time);
            FrameTrace.Current?.Mark("compose");
            Deliver(frame, time, started);
            FrameTrace.Current?.Mark("copy");
        }
        catch
        {
            // The buffer goes back to the pool: a frame that cannot be composed must not starve the next ones.
            frame.Release();
            stats.RecordDroppedFailed();
            throw;
        }
        TellChanges(frame);
        if (!sink.TryWrite(frame))
        {
            FrameTrace.Current?.Dropped("encoder queue full");
            frame.Release();
            stats.RecordDroppedEncoderFull();
            return;
        }
        _handedVersion = frame.ContentVersion;
        stats.Heartbeat.Delivered();
        stats.RecordDelivered(Format.Fps);
        _collector.AfterFrame(started, Format.Fps);
    }

    /// <summary>Offline tick: waits for a free buffer and for the sink, so no frame is ever dropped.</summary>
    public async ValueTask TickOfflineAsync(FrameTime time, CancellationToken cancellationToken)
    {
        VideoFrame? frame;
        while (!pool.TryRent(out frame)) await Task.Delay(1, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        Advance(time);
        // Offline there is time to wait: a frame never shows an image still loading.
        compositor.Compose(scene, time);
        while (compositor.Services.Resources.Loading > 0)
        {
            await compositor.Services.Resources.WhenLoadedAsync(cancellationToken);
            compositor.Compose(scene, time);
        }
        Deliver(frame, time, started);
        TellChanges(frame);
        await sink.WriteAsync(frame, cancellationToken);
        _handedVersion = frame.ContentVersion;
    }

    /// <summary>
    /// Replaces the scene's layers at the next frame, with a transition from what is on screen (cut, crossfade, slide, wipe).
    /// </summary>
    public Task SwitchSceneAsync(IEnumerable<LayerState> layers, SceneTransition? transition) =>
        SwitchSceneAsync(SceneCommand.LoadLayers(layers.Select(l => l.Clone()).ToList()), transition);

    /// <summary>Applies <paramref name="load"/> (a named scene's <see cref="SceneCommand.Lineup"/>) at the next frame, with a transition.</summary>
    public Task SwitchSceneAsync(SceneCommand load, SceneTransition? transition)
    {
        _sceneSwitches.Enqueue(time =>
        {
            if (transition is not null) compositor.BeginTransition(transition, time);
            _ = scene.Enqueue(load);
        });
        return load.Completion;
    }

    private void Advance(FrameTime time)
    {
        while (_sceneSwitches.TryDequeue(out var sceneSwitch)) sceneSwitch(time);
        scene.ApplyPending();
        FrameTrace.Current?.Mark("commands");
        foreach (var hook in _hooks)
        {
            hook.OnFrame(time);
            FrameTrace.Current?.Mark(hook.GetType().Name);
        }
    }

    /// <summary>Puts the composed frame into the pooled buffer (unless it already holds it) and counts it.</summary>
    private void Deliver(VideoFrame frame, FrameTime time, long started)
    {
        if (frame.ContentVersion != compositor.FrameVersion)
        {
            // A buffer holding an earlier frame needs only what changed since (a countdown bar, a chat line, a sprite).
            var stride = Format.Width * 4;
            if (compositor.ChangedSince(frame.ContentVersion) is { } rects)
                foreach (var rect in rects)
                    for (var row = rect.Top; row < rect.Bottom; row++)
                        compositor.Pixels.Slice(row * stride + rect.Left * 4, rect.Width * 4).CopyTo(frame.Buffer.AsSpan(row * stride + rect.Left * 4));
            else compositor.Pixels.CopyTo(frame.Buffer);
            frame.ContentVersion = compositor.FrameVersion;
        }
        frame.Time = time;
        stats.RecordRendered(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Tells the sink where this frame differs from the last one it took, when the compositor still knows.</summary>
    private void TellChanges(VideoFrame frame)
    {
        if (compositor.ChangedSince(_handedVersion) is { } rects)
            frame.SetChanges(_handedVersion, rects.Select(r => new PixelRect(r.Left, r.Top, r.Width, r.Height)));
        else frame.SetChanges(-1, []);
    }
}

/// <summary>Code run on the frame thread once per frame, before the layers are composed.</summary>
public interface IFrameHook
{
    void OnFrame(FrameTime time);
}
