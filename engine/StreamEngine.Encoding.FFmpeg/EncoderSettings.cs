using System.Globalization;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// How the ffmpeg encoder encodes. Every option has a safe default; call <see cref="Validate"/> once
/// (the encoder does at start) to get a message per bad field.
/// </summary>
public sealed record EncoderSettings
{
    /// <summary>x264 presets, fastest first.</summary>
    public static readonly IReadOnlyList<string> Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];

    /// <summary>Video codec; h264 unless a WebM/Matroska file is wanted.</summary>
    public VideoCodec VideoCodec { get; init; } = VideoCodec.H264;

    /// <summary>Speed/quality trade-off as an x264 preset name; mapped to the nearest option of other encoders.</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>Video bitrate; null picks one from the frame height (see <see cref="VideoBitrateFor"/>).</summary>
    public int? VideoBitrateKbps { get; init; }

    /// <summary>How the bitrate is held: constant with filler for live ingests, capped variable for recordings.</summary>
    public RateControl RateControl { get; init; } = RateControl.Auto;

    /// <summary>Seconds between keyframes; outputs can only start (and restart) on a keyframe.</summary>
    public double KeyframeIntervalSeconds { get; init; } = 2;

    /// <summary>The pixels written to ffmpeg: YUV 4:2:0 converted by the engine (default), or BGRA for ffmpeg to convert.</summary>
    public PixelFormat PixelFormat { get; init; } = PixelFormat.Yuv420p;

    /// <summary>Audio codec.</summary>
    public AudioCodec AudioCodec { get; init; } = AudioCodec.Aac;

    /// <summary>Audio bitrate.</summary>
    public int AudioBitrateKbps { get; init; } = 128;

    /// <summary>Hardware encoder to try before software.</summary>
    public HardwareAcceleration HardwareAcceleration { get; init; } = HardwareAcceleration.Auto;

    /// <summary>
    /// True for a live show: timestamps follow the wall clock and frames the engine drops are filled in, so the
    /// stream does not drift. False for an offline render: timestamps come from the frame count, deterministically.
    /// </summary>
    public bool Live { get; init; } = true;

    /// <summary>The ffmpeg executable.</summary>
    public string FFmpegPath { get; init; } = "ffmpeg";

    /// <summary>How outputs (and the encoder process itself) are restarted.</summary>
    public OutputPolicy Outputs { get; init; } = new();

    /// <summary>The size this encode scales the show's frames to (an output's rendition, by ffmpeg's scaler); null encodes them as they are.</summary>
    public (int Width, int Height)? ScaleTo { get; init; }

    /// <summary>True for a rendition's encode: its frames arrive already in the form ffmpeg reads (converted once by the show's encode).</summary>
    internal bool FramesPreConverted { get; init; }

    /// <summary>The height of the encoded picture for frames <paramref name="frameHeight"/> pixels high.</summary>
    public int EncodedHeight(int frameHeight) => ScaleTo?.Height ?? frameHeight;

    /// <summary>The bitrate to use for frames <paramref name="height"/> pixels high.</summary>
    public int VideoBitrateFor(int height) => VideoBitrateKbps ?? height switch
    {
        >= 1080 => 4500,
        >= 720 => 2500,
        >= 480 => 1200,
        _ => 800,
    };

    /// <summary>True when frames of <paramref name="width"/>×<paramref name="height"/> go to ffmpeg as YUV 4:2:0 (it needs even sizes).</summary>
    public bool FeedsYuv(int width, int height) => PixelFormat == PixelFormat.Yuv420p && width % 2 == 0 && height % 2 == 0;

    /// <summary>Every invalid setting; empty when the settings can be used.</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();
        CheckEnum(problems, nameof(VideoCodec), VideoCodec);
        CheckEnum(problems, nameof(AudioCodec), AudioCodec);
        CheckEnum(problems, nameof(RateControl), RateControl);
        CheckEnum(problems, nameof(HardwareAcceleration), HardwareAcceleration);
        CheckEnum(problems, nameof(PixelFormat), PixelFormat);
        if (!Presets.Contains(Preset))
            problems.Add(new(nameof(Preset), Preset, "one of " + string.Join(", ", Presets)));
        if (VideoBitrateKbps is < 100 or > 100_000)
            problems.Add(new(nameof(VideoBitrateKbps), Text(VideoBitrateKbps), "100 to 100000 kbit/s, or unset for a default by height"));
        if (!(KeyframeIntervalSeconds is >= 0.5 and <= 10))
            problems.Add(new(nameof(KeyframeIntervalSeconds), Text(KeyframeIntervalSeconds), "0.5 to 10 seconds"));
        if (AudioBitrateKbps is < 32 or > 512)
            problems.Add(new(nameof(AudioBitrateKbps), Text(AudioBitrateKbps), "32 to 512 kbit/s"));
        if (ScaleTo is { } scale && (scale.Width is < 16 or > 7680 || scale.Height is < 16 or > 4320 || scale.Width % 2 != 0 || scale.Height % 2 != 0))
            problems.Add(new(nameof(ScaleTo), $"{scale.Width}x{scale.Height}", "an even width of 16 to 7680 and an even height of 16 to 4320"));
        if (string.IsNullOrWhiteSpace(FFmpegPath))
            problems.Add(new(nameof(FFmpegPath), FFmpegPath, "the path or name of the ffmpeg executable"));
        problems.AddRange(Outputs.Validate());
        return problems;
    }

    /// <summary>
    /// Why <paramref name="target"/> cannot carry this encode, or null when it can.
    /// RTMP (FLV) carries only H.264 and AAC; WebM only VP8/VP9 and Opus; VP8/VP9 cannot go through MPEG-TS.
    /// </summary>
    public string? ProblemWith(OutputTarget target)
    {
        var h264 = VideoCodec == VideoCodec.H264;
        var codecs = $"VideoCodec is {Name(VideoCodec)}, AudioCodec is {Name(AudioCodec)}";
        return target.Format switch
        {
            "flv" when !h264 || AudioCodec != AudioCodec.Aac =>
                $"{target.Display}: RTMP and FLV outputs require VideoCodec h264 and AudioCodec aac ({codecs})",
            "mpegts" when !h264 => $"{target.Display}: SRT and .ts outputs require VideoCodec h264 ({codecs})",
            "hls" when !h264 => $"{target.Display}: HLS (.m3u8) outputs require VideoCodec h264 ({codecs})",
            "mp4" when !h264 => $"{target.Display}: .mp4 outputs require VideoCodec h264 ({codecs}); use .webm or .mkv for vp8/vp9",
            "webm" when h264 || AudioCodec != AudioCodec.Opus =>
                $"{target.Display}: .webm outputs require VideoCodec vp8 or vp9 and AudioCodec opus ({codecs})",
            _ when !h264 && target.Kind != OutputKind.File =>
                $"{target.Display}: VideoCodec {Name(VideoCodec)} can only be written to .webm or .mkv files",
            _ => null,
        };
    }

    /// <summary>The lower-case name users write in configuration, e.g. <c>h264</c>.</summary>
    internal static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static void CheckEnum<T>(List<SettingsProblem> problems, string field, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            problems.Add(new(field, value.ToString(), "one of " + string.Join(", ", Enum.GetValues<T>().Select(Name))));
    }

    private static string Text(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";
}
