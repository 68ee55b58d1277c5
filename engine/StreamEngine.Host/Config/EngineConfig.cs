namespace StreamEngine.Host.Config;

/// <summary>
/// Every setting of the engine, with the seed's names, defaults and ranges. Sources, weakest first:
/// defaults, a JSON config file (same names as keys), environment variables, command-line flags.
/// </summary>
public sealed record EngineConfig
{
    public int Port { get; init; } = 4200;
    public int WsPort { get; init; } = 4201;
    public int MetricsPort { get; init; } = 4290;
    public int HealthPort { get; init; } = 4291;
    public string BindAddress { get; init; } = "127.0.0.1";
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
    public Secret? ApiToken { get; init; }
    public Secret? WsPassword { get; init; }
    public string? RedisUrl { get; init; }
    public Secret? RedisPassword { get; init; }
    public Secret? TwitterApiKey { get; init; }
    public Secret? TwitterApiSecret { get; init; }
    public Secret? TwitterAccessToken { get; init; }
    public Secret? TwitterAccessTokenSecret { get; init; }

    /// <summary>X's RTMPS ingest URL (from X's producer page or the broadcast setup), for <c>--output x</c>.</summary>
    public string? XIngestUrl { get; init; }

    /// <summary>The stream key that goes with <see cref="XIngestUrl"/>; masked everywhere.</summary>
    public Secret? XStreamKey { get; init; }

    /// <summary><c>auto</c>: without X_INGEST_URL and X_STREAM_KEY, <c>--output x</c> sets the ingest up through X's API (the X plugin).</summary>
    public string XBroadcast { get; init; } = "off";

    /// <summary>YouTube's ingest, for <c>--output youtube</c>.</summary>
    public string YouTubeIngestUrl { get; init; } = "rtmp://a.rtmp.youtube.com/live2";

    /// <summary>The stream key from YouTube Studio; masked everywhere.</summary>
    public Secret? YouTubeStreamKey { get; init; }

    /// <summary>Twitch's ingest, for <c>--output twitch</c> (the default lets Twitch pick the nearest).</summary>
    public string TwitchIngestUrl { get; init; } = "rtmp://live.twitch.tv/app";

    /// <summary>The stream key from Twitch's creator dashboard; masked everywhere.</summary>
    public Secret? TwitchStreamKey { get; init; }
    public int MaxLayers { get; init; } = 50;
    public int MaxWsClients { get; init; } = 256;
    public int WsRequestsPerSecond { get; init; } = 100;
    public int TargetFps { get; init; } = 30;
    public string RenderQuality { get; init; } = "high";
    public int ResourceCacheMb { get; init; } = 512;
    public int RemoteImageMaxMb { get; init; } = 20;
    public int RemoteImageTimeoutSeconds { get; init; } = 10;
    public int RemoteImageTtlSeconds { get; init; } = 300;
    /// <summary>LAYER_MAX_SIZE: the largest layer box; null for twice the frame.</summary>
    public (int Width, int Height)? LayerMaxSize { get; init; }
    public int RasterBudgetMb { get; init; } = 512;

    /// <summary>CHAT_MAX_TEXT: a chat source's message text is cut to this many characters.</summary>
    public int ChatMaxText { get; init; } = 500;
    public IReadOnlyList<string> RemoteAllowHosts { get; init; } = [];
    public IReadOnlyList<string> AssetRoots { get; init; } = [];
    public int AssetMaxMb { get; init; } = 100;
    public string RecordingsDirectory { get; init; } = "recordings";

    /// <summary>HLS_LADDER: the picture heights of an <c>hls:NAME</c> output's renditions.</summary>
    public IReadOnlyList<int> HlsLadder { get; init; } = Application.HlsLadder.DefaultHeights;
    public int MaxOutputs { get; init; } = 8;

    /// <summary>Animations that may run at once (MAX_ANIMATIONS).</summary>
    public int MaxAnimations { get; init; } = 1000;
    public int Width { get; init; } = 1920;
    public int Height { get; init; } = 1080;
    public string LogLevel { get; init; } = "info";
    public string LogFormat { get; init; } = "text";
    /// <summary>ENCODER: the encoder's id, <c>ffmpeg</c> (built in) or a plugin's.</summary>
    public string Encoder { get; init; } = "ffmpeg";
    public string VideoCodec { get; init; } = "h264";
    public string Preset { get; init; } = "veryfast";
    public int? VideoBitrateKbps { get; init; }
    public double KeyframeIntervalSeconds { get; init; } = 2;

    /// <summary>ADAPT_DOWN_AFTER: seconds an adaptive output's link must be behind before its bitrate steps down.</summary>
    public double AdaptDownAfterSeconds { get; init; } = 3;

    /// <summary>ADAPT_UP_AFTER: seconds an adaptive output's link must be healthy before its bitrate steps back up.</summary>
    public double AdaptUpAfterSeconds { get; init; } = 30;
    public string AudioCodec { get; init; } = "aac";
    public string HardwareAcceleration { get; init; } = "auto";

    /// <summary>RATE_CONTROL: auto (constant bitrate with filler for live RTMP/SRT outputs, capped VBR for recordings), cbr or vbr.</summary>
    public string RateControl { get; init; } = "auto";

    /// <summary>PIXEL_FORMAT: yuv420p (the engine converts its frames for ffmpeg, the default) or bgra (ffmpeg converts them).</summary>
    public string PixelFormat { get; init; } = "yuv420p";
    public string PluginsDirectory { get; init; } = "";
    public string DataDirectory { get; init; } = "data";
    public int ScriptTimeoutMs { get; init; } = 100;
    public int ScriptMaxErrors { get; init; } = 5;
    public int ScriptMemoryMb { get; init; } = 64;
    public bool ScriptAllowOutputs { get; init; }
    /// <summary>SHOW_ID: names the show in a shared store (Redis keys); null for the scene file's folder name.</summary>
    public string? ShowId { get; init; }
    /// <summary>FAILOVER: none, or redis (engines sharing REDIS_URL run the show as one active and standbys).</summary>
    public string Failover { get; init; } = "none";
    /// <summary>INSTANCE_ID: this engine's name in the show's lease; null for host name and process id.</summary>
    public string? InstanceId { get; init; }
    /// <summary>BACKUP_INTERVAL: seconds between online backups of the SQLite store; 0 for none.</summary>
    public int BackupIntervalSeconds { get; init; }
    public int BackupKeep { get; init; } = 24;
    /// <summary>BACKUP_DIR: where backups go; null for <c>backups</c> in the data directory.</summary>
    public string? BackupDirectory { get; init; }

    public string Resolution => $"{Width}x{Height}";
}

/// <summary>A secret setting (key, token, password): its value never appears in logs, errors or API responses.</summary>
public sealed record Secret(string Value)
{
    public override string ToString() => "****";
}
