using StreamEngine.Application;

namespace StreamEngine.Host.Config;

/// <summary>
/// A platform's output as data: where it comes from (the settings holding the ingest URL and the stream key) and the
/// encoding the platform recommends. <c>--output x</c> names one; the encoder reads the encoding from the config
/// like any other (VIDEO_BITRATE_KBPS, KEYFRAME_INTERVAL, AUDIO_CODEC), so how ffmpeg is driven stays in one place.
/// </summary>
internal sealed record OutputPreset(string Name, string UrlSetting, string KeySetting, int Width, int Height, int Fps,
    double KeyframeSeconds, int VideoKbps, string AudioCodec, int AudioKbps)
{
    /// <summary>X's published recommendations for live video: H.264 1280x720 at 30 fps, a keyframe every 2 s, about 4 Mbit/s, AAC 128 kbit/s.</summary>
    public static readonly OutputPreset X = new("x", "X_INGEST_URL", "X_STREAM_KEY", 1280, 720, 30, 2, 4000, "aac", 128);

    public static readonly IReadOnlyList<OutputPreset> All = [X];

    public static OutputPreset? Find(string target) => All.FirstOrDefault(p => p.Name == target);

    /// <summary>
    /// The outputs with preset names replaced by their URL with the key, the config carrying the preset's encoding,
    /// and the frame size and rate it needs (null when no preset was named). A preset whose URL or key is not
    /// configured is refused naming the setting, unless X_BROADCAST=auto: then the preset's name stays in the targets
    /// and <see cref="Show.PresetIngest"/> puts the ingest that the X plugin sets up in its place once plugins are loaded.
    /// </summary>
    public static (string[] Targets, EngineConfig Config, OutputPreset? Preset) Resolve(string[] targets, EngineConfig config)
    {
        var presets = targets.Select(Find).OfType<OutputPreset>().Distinct().ToList();
        if (presets.Count == 0) return (targets, config, null);
        if (presets.Count > 1) throw new UserInputException("--output", "--output", "one preset per show: the encode is shared by every output");
        var preset = presets[0];
        var encoding = config with
        {
            VideoBitrateKbps = preset.VideoKbps, KeyframeIntervalSeconds = preset.KeyframeSeconds, AudioCodec = preset.AudioCodec, TargetFps = preset.Fps,
        };
        if (config.XBroadcast == "auto" && (config.XIngestUrl is null || config.XStreamKey is null)) return (targets, encoding, preset);
        var url = config.XIngestUrl ?? throw new UserInputException("--output", preset.UrlSetting,
            $"--output {preset.Name} needs {preset.UrlSetting} (the ingest URL from X's producer page) and {preset.KeySetting}, or X_BROADCAST=auto to set the broadcast up through X's API");
        var key = config.XStreamKey?.Value ?? throw new UserInputException("--output", preset.KeySetting,
            $"--output {preset.Name} needs {preset.KeySetting} (the stream key from X's producer page)");
        var target = $"{url.TrimEnd('/')}/{key}";
        return ([.. targets.Select(t => t == preset.Name ? target : t)], encoding, preset);
    }
}
