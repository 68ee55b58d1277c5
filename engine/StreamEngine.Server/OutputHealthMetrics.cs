using Prometheus;
using StreamEngine.Application;

namespace StreamEngine.Server;

/// <summary>
/// Each output's health as gauges labelled by its id (never its target, which may hold a key): bitrate, fps and speed
/// over the last seconds, its encode's dropped frames, its uptime and the video bitrate its encode uses now. An output removed keeps its last values until
/// the engine restarts, as Prometheus expects of a series that ended.
/// </summary>
internal sealed class OutputHealthMetrics(IMetricFactory f)
{
    private static readonly GaugeConfiguration Labelled = new() { LabelNames = ["output"] };

    private readonly Gauge _bitrate = f.CreateGauge("streamengine_output_bitrate_kbps", "Bitrate an output delivered over the last 5 s, kbit/s.", Labelled);
    private readonly Gauge _fps = f.CreateGauge("streamengine_output_fps", "Frames per second an output delivered over the last 5 s.", Labelled);
    private readonly Gauge _speed = f.CreateGauge("streamengine_output_speed", "Stream seconds an output delivered per second over the last 5 s (below 1: it falls behind).", Labelled);
    private readonly Gauge _dropped = f.CreateGauge("streamengine_output_dropped_frames", "Frames the output's encode dropped since it started.", Labelled);
    private readonly Gauge _uptime = f.CreateGauge("streamengine_output_uptime_seconds", "Seconds since the output last went live; 0 while not live.", Labelled);

    private readonly Gauge _videoKbps = f.CreateGauge("streamengine_output_video_bitrate_kbps", "Video bitrate the output's encode uses now, kbit/s (an adaptive output's current step).", Labelled);

    public void Refresh(IEnumerable<OutputInfo> outputs)
    {
        foreach (var output in outputs)
        {
            if (output.Health is not { } health) continue;
            _bitrate.WithLabels(output.Id).Set(health.BitrateKbps);
            _fps.WithLabels(output.Id).Set(health.Fps);
            _speed.WithLabels(output.Id).Set(health.Speed);
            _dropped.WithLabels(output.Id).Set(health.DroppedFrames);
            _uptime.WithLabels(output.Id).Set(health.UptimeSeconds);
            if (output.VideoBitrateKbps is { } kbps) _videoKbps.WithLabels(output.Id).Set(kbps);
        }
    }
}
