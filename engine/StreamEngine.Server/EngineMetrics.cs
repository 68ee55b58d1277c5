using Prometheus;
using StreamEngine.Application;

namespace StreamEngine.Server;

/// <summary>
/// The engine's Prometheus metrics. Counters and gauges are refreshed from the show once a second; render times are
/// observed per frame through <see cref="ObserveRender"/>. Process CPU and memory come from prometheus-net's defaults.
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly Counter _frames, _dropped, _reconnects, _outputBytes;
    private readonly Histogram _renderSeconds, _scriptSeconds;
    private readonly Counter _scriptErrors;
    private readonly Gauge _jitter, _layers, _animations, _outputState, _storeHealthy, _encoderQueue, _storeLatency;
    private readonly Counter _storeFailures, _chatMessages, _pluginReloads, _pluginUnloads, _encoderGaps;
    private readonly Gauge _resourceBytes;
    private readonly OutputHealthMetrics _outputHealth;
    private readonly Timer _timer;
    private readonly IShowControl _show;
    private readonly Func<(bool Healthy, long Failures, TimeSpan LastSave)>? _store;

    public EngineMetrics(IShowControl show, Func<(bool Healthy, long Failures, TimeSpan LastSave)>? store = null)
    {
        _show = show;
        _store = store;
        var f = Metrics.WithCustomRegistry(_registry);
        DotNetStats.Register(_registry);
        _frames = f.CreateCounter("streamengine_frames_rendered_total", "Frames rendered.");
        _dropped = f.CreateCounter("streamengine_frames_dropped_total", "Frames not delivered, by stage: encoder (it was behind), clock (the frame thread was late) or failed (composing it threw).", "stage");
        _encoderGaps = f.CreateCounter("streamengine_encoder_gaps_total",
            "Frames that reached the encoder more than 1.5 frame periods after the one before (stutters, also those the clock does not count as dropped).");
        _encoderQueue = f.CreateGauge("streamengine_encoder_queue_frames", "Frames waiting for the encoder.");
        _storeLatency = f.CreateGauge("streamengine_state_store_save_seconds", "Duration of the last state store save.");
        _renderSeconds = f.CreateHistogram("streamengine_render_seconds", "Time to produce one frame (commands, hooks, compose, copy).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 10) });
        _scriptSeconds = f.CreateHistogram("streamengine_script_frame_seconds", "Time the show's scripts take in one frame (handlers, timers, frame hooks).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.00005, 2, 12) });
        _scriptErrors = f.CreateCounter("streamengine_script_errors_total", "Script errors (load and call errors), by script.", "script");
        _jitter = f.CreateGauge("streamengine_pacing_jitter_p99_seconds", "99th percentile of how late frames start.");
        _layers = f.CreateGauge("streamengine_layers", "Layers in the scene.");
        _animations = f.CreateGauge("streamengine_active_animations", "Animations and timelines running.");
        _outputState = f.CreateGauge("streamengine_output_state", "Output state: 0 connecting, 1 live, 2 reconnecting, 3 failed, 4 stopped.", "output");
        _reconnects = f.CreateCounter("streamengine_output_reconnects_total", "Reconnects per output.", "output");
        _outputBytes = f.CreateCounter("streamengine_output_bytes_total", "Bytes sent per output (rate = bitrate).", "output");
        _storeHealthy = f.CreateGauge("streamengine_state_store_healthy", "1 when the state store accepts writes.");
        _storeFailures = f.CreateCounter("streamengine_state_store_failures_total", "Failed state store writes.");
        _chatMessages = f.CreateCounter("streamengine_chat_messages_total", "Chat messages that entered the show.");
        _pluginReloads = f.CreateCounter("streamengine_plugin_reloads_total", "New plugin versions swapped in.");
        _pluginUnloads = f.CreateCounter("streamengine_plugin_unloads_total",
            "Old plugin versions after a reload: unloaded (collected) or still_loaded (something held them 5 s later).", "result");
        _resourceBytes = f.CreateGauge("streamengine_resource_cache_bytes", "Decoded images, animations and fonts held by the resource cache.");
        _outputHealth = new OutputHealthMetrics(f);
        _timer = new Timer(_ => Refresh(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public CollectorRegistry Registry => _registry;

    public void ObserveRender(double milliseconds) => _renderSeconds.Observe(milliseconds / 1000);

    public void ObserveScripts(double milliseconds) => _scriptSeconds.Observe(milliseconds / 1000);

    public void Refresh()
    {
        try
        {
            foreach (var script in _show.Scripts()) _scriptErrors.WithLabels(script.Name).IncTo(script.Errors);
            var stats = _show.Stats();
            _frames.IncTo(stats.Frames);
            _dropped.WithLabels("encoder").IncTo(stats.DroppedEncoderBehind);
            _dropped.WithLabels("clock").IncTo(stats.DroppedLate);
            _dropped.WithLabels("failed").IncTo(stats.DroppedFailed);
            _encoderGaps.IncTo(stats.EncoderGaps);
            _encoderQueue.Set(stats.EncoderQueue);
            _chatMessages.IncTo(stats.ChatMessages);
            _pluginReloads.IncTo(stats.PluginReloads);
            _pluginUnloads.WithLabels("unloaded").IncTo(stats.PluginsUnloaded);
            _pluginUnloads.WithLabels("still_loaded").IncTo(stats.PluginsStillLoaded);
            _resourceBytes.Set(stats.ResourceCacheBytes);
            _jitter.Set(stats.JitterMsP99 / 1000);
            _animations.Set(stats.Animations);
            _layers.Set(_show.Info.Layers);
            var outputs = _show.Outputs();
            _outputHealth.Refresh(outputs);
            foreach (var output in outputs)
            {
                _outputState.WithLabels(output.Id).Set(Enum.TryParse<Sdk.OutputState>(output.State, out var s) ? (int)s : -1);
                _reconnects.WithLabels(output.Id).IncTo(output.Reconnects);
                _outputBytes.WithLabels(output.Id).IncTo(output.BytesSent);
            }
            if (_store?.Invoke() is { } store)
            {
                _storeHealthy.Set(store.Healthy ? 1 : 0);
                _storeFailures.IncTo(store.Failures);
                _storeLatency.Set(store.LastSave.TotalSeconds);
            }
        }
        catch (Exception) { /* metrics never take the engine down */ }
    }

    public void Dispose() => _timer.Dispose();
}
