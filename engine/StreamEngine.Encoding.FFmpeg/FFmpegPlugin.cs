using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Encoding;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Registers the ffmpeg encoder through the same contract as plugin encoders; the host loads it as a built-in.</summary>
public sealed class FFmpegPlugin : IPluginRegistrar
{
    /// <inheritdoc />
    public void Register(IPluginRegistry registry) => registry.AddEncoder(new FFmpegEncoderType());
}

/// <summary><c>ENCODER=ffmpeg</c> (the default): an ffmpeg child process, outputs remuxed by their own supervised processes.</summary>
public sealed class FFmpegEncoderType : IEncoderType
{
    /// <inheritdoc />
    public string Id => "ffmpeg";

    /// <inheritdoc />
    public IEncoder Create(EncoderContext context) =>
        new FFmpegEncoder(Settings(context), context.Loggers, audio: context.Audio is SilenceAudioSource ? null : context.Audio); // silence needs no pipe

    /// <summary>The engine's encoding configuration as ffmpeg settings; a value it cannot use is a <see cref="FormatException"/> naming the setting.</summary>
    /// <param name="context">The engine's settings.</param>
    public static EncoderSettings Settings(EncoderContext context)
    {
        var defaults = new EncoderSettings();
        return new EncoderSettings
        {
            VideoCodec = Parse(context, "VIDEO_CODEC", defaults.VideoCodec),
            Preset = context.Settings.GetValueOrDefault("VIDEO_PRESET") ?? defaults.Preset,
            VideoBitrateKbps = context.Settings.TryGetValue("VIDEO_BITRATE_KBPS", out var kbps) && int.TryParse(kbps, out var k) ? k : defaults.VideoBitrateKbps,
            KeyframeIntervalSeconds = context.Settings.TryGetValue("KEYFRAME_INTERVAL", out var gop) && double.TryParse(gop, System.Globalization.CultureInfo.InvariantCulture, out var g)
                ? g : defaults.KeyframeIntervalSeconds,
            AudioCodec = Parse(context, "AUDIO_CODEC", defaults.AudioCodec),
            RateControl = Parse(context, "RATE_CONTROL", defaults.RateControl),
            HardwareAcceleration = Parse(context, "HWACCEL", defaults.HardwareAcceleration),
            PixelFormat = Parse(context, "PIXEL_FORMAT", defaults.PixelFormat),
            Live = context.Live,
            Outputs = defaults.Outputs with
            {
                AdaptDownAfter = Seconds(context, "ADAPT_DOWN_AFTER", defaults.Outputs.AdaptDownAfter),
                AdaptUpAfter = Seconds(context, "ADAPT_UP_AFTER", defaults.Outputs.AdaptUpAfter),
            },
        };
    }

    /// <summary>A finite number of seconds (the settings' validation checks its range), or the default.</summary>
    private static TimeSpan Seconds(EncoderContext context, string name, TimeSpan fallback) =>
        !context.Settings.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && Math.Abs(s) < 86_400
            ? TimeSpan.FromSeconds(s)
            : throw new FormatException($"{name}: '{text}' is not a number of seconds");

    private static T Parse<T>(EncoderContext context, string name, T fallback) where T : struct, Enum =>
        !context.Settings.TryGetValue(name, out var value) ? fallback
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed
        : throw new FormatException($"{name}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");
}
