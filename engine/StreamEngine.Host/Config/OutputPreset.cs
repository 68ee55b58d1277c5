#nullable enable
using StreamEngine.Application;

namespace StreamEngine.Host.Config;

/// <summary>
/// A platform's output as data: where its ingest URL and stream key come from, and the encoding the platform
/// publishes as its recommendation (H.264 with a keyframe every 2 s and AAC, constant bitrate as RATE_CONTROL=auto
/// gives every live RTMP output). <c>--output x</c> names one; it becomes an output with that rendition.
/// </summary>
internal sealed record OutputPreset(string Name, string Platform, string UrlSetting, string KeySetting, int Width, int Height, int Fps, int VideoKbps,
    Func<EngineConfig, string?> Url, Func<EngineConfig, string?> Key)
{
    /// <summary>X: 1280x720 at 30 fps, about 4 Mbit/s.</summary>
    public static readonly OutputPreset X = new("x", "X's producer page", "X_INGEST_URL", "X_STREAM_KEY", 1280, 720, 30, 4000,
        c => c.XIngestUrl, c => c.XStreamKey?.Value);

    /// <summary>YouTube: 1920x1080 at 30 fps, 6 Mbit/s (inside YouTube's published 3-8 Mbit/s for 1080p30).</summary>
    public static readonly OutputPreset YouTube = new("youtube", "YouTube Studio", "YOUTUBE_INGEST_URL", "YOUTUBE_STREAM_KEY", 1920, 1080, 30, 6000,
        c => c.YouTubeIngestUrl, c => c.YouTubeStreamKey?.Value);

    /// <summary>Twitch: 1920x1080 at 30 fps, 4.5 Mbit/s (Twitch's 1080p30 figure, inside its 3-6 Mbit/s).</summary>
    public static readonly OutputPreset Twitch = new("twitch", "Twitch's creator dashboard", "TWITCH_INGEST_URL", "TWITCH_STREAM_KEY", 1920, 1080, 30, 4500,
        c => c.TwitchIngestUrl, c => c.TwitchStreamKey?.Value);

    public static readonly IReadOnlyList<OutputPreset> All = [X, YouTube, Twitch];

    public static OutputPreset? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// True when this preset's ingest is to be set up by a plugin once plugins are loaded (<c>--output x</c> with
    /// <c>X_BROADCAST=auto</c> and no X_INGEST_URL / X_STREAM_KEY): see <see cref="Show.PresetIngest"/>.
    /// </summary>
    public bool IngestFromPlugin(EngineConfig config) => this == X && config.XBroadcast == "auto" && (Url(config) is null || Key(config) is null);

    /// <summary>The ingest URL with the key; a preset whose URL or key is not configured is refused naming the setting.</summary>
    public string Target(EngineConfig config)
    {
        var orAuto = this == X ? ", or X_BROADCAST=auto to set the broadcast up through X's API" : "";
        var url = Url(config) ?? throw new UserInputException("--output", UrlSetting,
            $"--output {Name} needs {UrlSetting} (the ingest URL from {Platform}) and {KeySetting}{orAuto}");
        var key = Key(config) ?? throw new UserInputException("--output", KeySetting, $"--output {Name} needs {KeySetting} (the stream key from {Platform})");
        return $"{url.TrimEnd('/')}/{key}";
    }
}
