using System.Text.RegularExpressions;

namespace StreamEngine.Host.Config;

/// <summary>The table of every setting the engine reads.</summary>
internal static partial class ConfigSettings
{
    [GeneratedRegex(@"^(\d+)x(\d+)$")]
    private static partial Regex Resolution();

    public static readonly IReadOnlyList<ConfigSetting> All =
    [
        ConfigSetting.Int("PORT", 1000, 65535, (c, v) => c with { Port = v }),
        ConfigSetting.Int("WS_PORT", 1000, 65535, (c, v) => c with { WsPort = v }),
        ConfigSetting.Int("METRICS_PORT", 1000, 65535, (c, v) => c with { MetricsPort = v }),
        ConfigSetting.Int("HEALTH_PORT", 1000, 65535, (c, v) => c with { HealthPort = v }),
        ConfigSetting.Text("BIND_ADDRESS", "an IP address such as 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces)",
            v => System.Net.IPAddress.TryParse(v, out _), (c, v) => c with { BindAddress = v }),
        ConfigSetting.Text("ALLOWED_HOSTS", "comma-separated host names such as studio.example,192.168.1.20 (no scheme, no port), or * for no Host check",
            v => Browsers(hosts: v), (c, v) => c with { AllowedHosts = List(v) }),
        ConfigSetting.Text("ALLOWED_ORIGINS", "comma-separated origins such as https://studio.example,http://192.168.1.20:8080",
            v => Browsers(origins: v), (c, v) => c with { AllowedOrigins = List(v) }),
        ConfigSetting.SecretText("API_TOKEN", (c, v) => c with { ApiToken = v }),
        ConfigSetting.SecretText("WS_PASSWORD", (c, v) => c with { WsPassword = v }),
        ConfigSetting.Text("REDIS_URL", "a URL such as redis://127.0.0.1:6379",
            v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "redis" or "rediss", (c, v) => c with { RedisUrl = v }),
        ConfigSetting.SecretText("REDIS_PASSWORD", (c, v) => c with { RedisPassword = v }),
        ConfigSetting.SecretText("TWITTER_API_KEY", (c, v) => c with { TwitterApiKey = v }),
        ConfigSetting.SecretText("TWITTER_API_SECRET", (c, v) => c with { TwitterApiSecret = v }),
        ConfigSetting.SecretText("TWITTER_ACCESS_TOKEN", (c, v) => c with { TwitterAccessToken = v }),
        ConfigSetting.SecretText("TWITTER_ACCESS_TOKEN_SECRET", (c, v) => c with { TwitterAccessTokenSecret = v }),
        ConfigSetting.Text("X_INGEST_URL", "an rtmps:// (or rtmp://) URL from X's producer page, such as rtmps://va.pscp.tv:443/x",
            v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "rtmps" or "rtmp" && u.UserInfo.Length == 0, (c, v) => c with { XIngestUrl = v }),
        ConfigSetting.SecretText("X_STREAM_KEY", (c, v) => c with { XStreamKey = v }),
        ConfigSetting.OneOf("X_BROADCAST", ["off", "auto"], (c, v) => c with { XBroadcast = v }),
        ConfigSetting.Text("YOUTUBE_INGEST_URL", "an rtmp:// or rtmps:// URL from YouTube Studio (default rtmp://a.rtmp.youtube.com/live2)",
            v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "rtmps" or "rtmp" && u.UserInfo.Length == 0, (c, v) => c with { YouTubeIngestUrl = v }),
        ConfigSetting.SecretText("YOUTUBE_STREAM_KEY", (c, v) => c with { YouTubeStreamKey = v }),
        ConfigSetting.Text("TWITCH_INGEST_URL", "an rtmp:// or rtmps:// URL of a Twitch ingest (default rtmp://live.twitch.tv/app)",
            v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "rtmps" or "rtmp" && u.UserInfo.Length == 0, (c, v) => c with { TwitchIngestUrl = v }),
        ConfigSetting.SecretText("TWITCH_STREAM_KEY", (c, v) => c with { TwitchStreamKey = v }),
        ConfigSetting.Int("MAX_LAYERS", 1, 100, (c, v) => c with { MaxLayers = v }),
        ConfigSetting.Int("WS_MAX_CLIENTS", 1, 100_000, (c, v) => c with { MaxWsClients = v }),
        ConfigSetting.Int("WS_REQUESTS_PER_SECOND", 1, 100_000, (c, v) => c with { WsRequestsPerSecond = v }),
        ConfigSetting.Int("TARGET_FPS", 1, 60, (c, v) => c with { TargetFps = v }),
        ConfigSetting.OneOf("RENDER_QUALITY", ["low", "medium", "high"], (c, v) => c with { RenderQuality = v }),
        ConfigSetting.Int("RESOURCE_CACHE_MB", 16, 16384, (c, v) => c with { ResourceCacheMb = v }),
        ConfigSetting.Int("REMOTE_IMAGE_MAX_MB", 1, 500, (c, v) => c with { RemoteImageMaxMb = v }),
        ConfigSetting.Int("REMOTE_IMAGE_TIMEOUT", 1, 120, (c, v) => c with { RemoteImageTimeoutSeconds = v }),
        ConfigSetting.Int("REMOTE_IMAGE_TTL", 10, 86400, (c, v) => c with { RemoteImageTtlSeconds = v }),
        new("LAYER_MAX_SIZE", "WIDTHxHEIGHT from 16x16 to 16384x16384, such as 3840x2160 (default: twice the frame)", ParseLayerMaxSize),
        ConfigSetting.Int("RASTER_BUDGET_MB", 16, 16384, (c, v) => c with { RasterBudgetMb = v }),
        ConfigSetting.Int("CHAT_MAX_TEXT", 1, 10_000, (c, v) => c with { ChatMaxText = v }),
        ConfigSetting.List("REMOTE_ALLOW_HOSTS", "host names, IP addresses or CIDRs such as 192.168.1.0/24, separated by commas",
            Core.Resources.RemoteAccess.IsValidEntry, (c, v) => c with { RemoteAllowHosts = v }),
        ConfigSetting.List("ASSET_ROOTS", "folders separated by commas", v => !v.Contains('\0'), (c, v) => c with { AssetRoots = v }),
        ConfigSetting.Int("ASSET_MAX_MB", 1, 4096, (c, v) => c with { AssetMaxMb = v }),
        ConfigSetting.List("HLS_LADDER", "comma-separated picture heights from 16 to 4320, such as 1080,720,480",
            h => int.TryParse(h, out var n) && n is >= 16 and <= 4320,
            (c, v) => c with { HlsLadder = [.. v.Select(int.Parse).Distinct().Take(6)] }),
        ConfigSetting.Text("RECORDINGS_DIR", "a directory path", v => v.Length > 0, (c, v) => c with { RecordingsDirectory = v }),
        ConfigSetting.Int("MAX_OUTPUTS", 1, 64, (c, v) => c with { MaxOutputs = v }),
        ConfigSetting.Int("MAX_ANIMATIONS", 1, 100000, (c, v) => c with { MaxAnimations = v }),
        new("STREAM_RESOLUTION", "WIDTHxHEIGHT with even numbers from 16x16 to 7680x4320, such as 1920x1080", ParseResolution),
        ConfigSetting.OneOf("LOG_LEVEL", ["trace", "debug", "info", "warn", "error"], (c, v) => c with { LogLevel = v }),
        ConfigSetting.OneOf("LOG_FORMAT", ["text", "json"], (c, v) => c with { LogFormat = v }),
        ConfigSetting.Text("ENCODER", "an encoder id: ffmpeg, or one a plugin provides", v => v.Length is > 0 and <= 64, (c, v) => c with { Encoder = v }),
        ConfigSetting.OneOf("VIDEO_CODEC", ["h264", "vp8", "vp9"], (c, v) => c with { VideoCodec = v }),
        ConfigSetting.OneOf("VIDEO_PRESET", ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"], (c, v) => c with { Preset = v }),
        ConfigSetting.Int("VIDEO_BITRATE_KBPS", 100, 100_000, (c, v) => c with { VideoBitrateKbps = v }),
        ConfigSetting.Number("KEYFRAME_INTERVAL", 0.5, 10, (c, v) => c with { KeyframeIntervalSeconds = v }),
        ConfigSetting.Number("ADAPT_DOWN_AFTER", 1, 60, (c, v) => c with { AdaptDownAfterSeconds = v }),
        ConfigSetting.Number("ADAPT_UP_AFTER", 2, 3600, (c, v) => c with { AdaptUpAfterSeconds = v }),
        ConfigSetting.OneOf("AUDIO_CODEC", ["aac", "opus"], (c, v) => c with { AudioCodec = v }),
        ConfigSetting.OneOf("HWACCEL", ["auto", "none", "nvenc", "qsv", "vaapi", "videotoolbox", "amf"], (c, v) => c with { HardwareAcceleration = v }),
        ConfigSetting.OneOf("RATE_CONTROL", ["auto", "cbr", "vbr"], (c, v) => c with { RateControl = v }),
        ConfigSetting.OneOf("PIXEL_FORMAT", ["yuv420p", "bgra"], (c, v) => c with { PixelFormat = v }),
        ConfigSetting.Text("STREAM_ENGINE_PLUGINS", "a directory path", v => v.Length > 0, (c, v) => c with { PluginsDirectory = v }),
        ConfigSetting.Int("SCRIPT_TIMEOUT_MS", 1, 10_000, (c, v) => c with { ScriptTimeoutMs = v }),
        ConfigSetting.Int("SCRIPT_MAX_ERRORS", 1, 1000, (c, v) => c with { ScriptMaxErrors = v }),
        ConfigSetting.Int("SCRIPT_MEMORY_MB", 1, 4096, (c, v) => c with { ScriptMemoryMb = v }),
        ConfigSetting.OneOf("SCRIPT_ALLOW_OUTPUTS", ["true", "false"], (c, v) => c with { ScriptAllowOutputs = v == "true" }),
        ConfigSetting.Text("STREAM_ENGINE_DATA", "a directory path", v => v.Length > 0, (c, v) => c with { DataDirectory = v }),
        ConfigSetting.Text("SHOW_ID", "1 to 64 letters, digits, '-' or '_', such as auction-friday", ProductionSettings.IsShowId, (c, v) => c with { ShowId = v }),
        ConfigSetting.OneOf("FAILOVER", ["none", "redis"], (c, v) => c with { Failover = v }),
        ConfigSetting.Text("INSTANCE_ID", "1 to 64 letters, digits, '-' or '_', such as the host or pod name", ProductionSettings.IsShowId, (c, v) => c with { InstanceId = v }),
        ConfigSetting.Int("BACKUP_INTERVAL", 0, 604_800, (c, v) => c with { BackupIntervalSeconds = v }),
        ConfigSetting.Int("BACKUP_KEEP", 1, 10_000, (c, v) => c with { BackupKeep = v }),
        ConfigSetting.Text("BACKUP_DIR", "a directory path", v => v.Length > 0, (c, v) => c with { BackupDirectory = v }),
    ];

    private static string[] List(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // The control plane's own check of the lists, so a bad entry is reported here with the others.
    private static bool Browsers(string? hosts = null, string? origins = null)
    {
        try { _ = new Server.BrowserPolicy(List(hosts ?? ""), List(origins ?? "")); return true; }
        catch (ArgumentException) { return false; }
    }

    public static ConfigSetting? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static EngineConfig? ParseLayerMaxSize(EngineConfig config, string value)
    {
        var match = Resolution().Match(value);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var w) || !int.TryParse(match.Groups[2].Value, out var h)) return null;
        return w is >= 16 and <= 16384 && h is >= 16 and <= 16384 ? config with { LayerMaxSize = (w, h) } : null;
    }

    private static EngineConfig? ParseResolution(EngineConfig config, string value)
    {
        var match = Resolution().Match(value);
        // TryParse: 99999999999x1 is a bad value (exit 2 naming it), not an overflow.
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var w) || !int.TryParse(match.Groups[2].Value, out var h)) return null;
        var ok = w is >= 16 and <= 7680 && h is >= 16 and <= 4320 && w % 2 == 0 && h % 2 == 0;
        return ok ? config with { Width = w, Height = h } : null;
    }
}
