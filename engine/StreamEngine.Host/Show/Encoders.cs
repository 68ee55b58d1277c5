using StreamEngine.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;
using StreamEngine.Plugins;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Encoding;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Host.Show;

/// <summary>
/// Builds the encoder <c>ENCODER</c> names — a built-in (ffmpeg, registered through the SDK's registration contract
/// like any plugin) or a plugin's — from the engine config, and adds the outputs given on the command line.
/// </summary>
internal static class Encoders
{
    /// <summary>The encoders that come with the engine, registered as a plugin would register them.</summary>
    private static readonly IPluginRegistrar[] BuiltIn = [new FFmpegPlugin()];

    /// <summary>The engine's encoding configuration by setting name, as an encoder receives it.</summary>
    public static IReadOnlyDictionary<string, string> SettingsOf(EngineConfig config)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VIDEO_CODEC"] = config.VideoCodec, ["VIDEO_PRESET"] = config.Preset, ["AUDIO_CODEC"] = config.AudioCodec,
            ["KEYFRAME_INTERVAL"] = config.KeyframeIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HWACCEL"] = config.HardwareAcceleration, ["RATE_CONTROL"] = config.RateControl,
            ["PIXEL_FORMAT"] = config.PixelFormat,
            ["ADAPT_DOWN_AFTER"] = config.AdaptDownAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ADAPT_UP_AFTER"] = config.AdaptUpAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (config.VideoBitrateKbps is { } kbps) settings["VIDEO_BITRATE_KBPS"] = kbps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>The ffmpeg settings the bench's baseline run compares against.</summary>
    public static EncoderSettings Settings(EngineConfig config, bool live) =>
        FFmpegEncoderType.Settings(Context(config, live, NullLoggerFactory.Instance));

    private static EncoderContext Context(EngineConfig config, bool live, ILoggerFactory loggers, IAudioSource? audio = null) =>
        new(SettingsOf(config), live, audio ?? new SilenceAudioSource(new AudioFormat()), loggers);

    /// <summary>Every encoder id on offer: the built-ins, then the plugins'.</summary>
    public static IReadOnlyList<IEncoderType> Available(ILoggerFactory loggers, PluginCatalog? plugins)
    {
        var registry = new PluginRegistry(loggers);
        foreach (var registrar in BuiltIn) registrar.Register(registry);
        return [.. registry.Contributions().Encoders, .. plugins?.EncoderIds.Select(id => plugins.Encoder(id)!) ?? []];
    }

    /// <summary>An <c>hls:NAME</c> output: its master playlist, and an output per rung writing under RECORDINGS_DIR/hls/NAME.</summary>
    private static void AddLadder(IEncoder encoder, HlsLadder ladder, VideoFormat format, EngineConfig config)
    {
        var folder = ladder.Folder(Path.GetFullPath(config.RecordingsDirectory));
        var rungs = ladder.Rungs(format);
        HlsLadder.WriteMaster(folder, rungs);
        foreach (var rung in rungs) encoder.AddRenditionOutput(Path.Combine(folder, rung.Playlist), rung.Rendition, overwrite: true);
    }

    public static IEncoder Create(EngineConfig config, VideoFormat format, bool live, IEnumerable<string> outputs, ILoggerFactory loggers,
        PluginCatalog? plugins = null, IAudioSource? audio = null) =>
        Create(config, format, live, outputs.Select(OutputSpec.Plain), loggers, plugins, audio);

    /// <summary>The encoder <c>ENCODER</c> names with the command line's outputs added, each with its rendition (presets resolved).</summary>
    public static IEncoder Create(EngineConfig config, VideoFormat format, bool live, IEnumerable<OutputSpec> outputs, ILoggerFactory loggers,
        PluginCatalog? plugins = null, IAudioSource? audio = null)
    {
        var available = Available(loggers, plugins);
        var type = available.FirstOrDefault(t => t.Id.Equals(config.Encoder, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserInputException("ENCODER", "ENCODER", $"'{config.Encoder}' is not a loaded encoder; expected one of {string.Join(", ", available.Select(t => t.Id))}");
        IEncoder encoder;
        try { encoder = type.Create(Context(config, live, loggers, audio)); }
        catch (FormatException e) { throw new UserInputException("ENCODER", "ENCODER", $"{type.Id}: {e.Message}"); }
        var problems = new List<Core.Scene.ValidationProblem>();
        foreach (var output in outputs)
        {
            try
            {
                if (HlsLadder.TryParse(output.Target, config.HlsLadder) is { } ladder)
                {
                    AddLadder(encoder, ladder, format, config);
                    continue;
                }
                var rendition = output.Rendition(format);
                if (rendition is null) encoder.AddOutput(output.Resolve(config));
                else encoder.AddRenditionOutput(output.Resolve(config), rendition, overwrite: true);
            }
            catch (Exception e) when (e is FormatException or NotSupportedException) { problems.Add(new("--output", e.Message)); }
            catch (ShowRequestException e) { problems.Add(new("--output", e.Message)); }
        }
        if (problems.Count > 0) throw new UserInputException("--output", problems);
        var failed = encoder.ListOutputs().Where(o => o.State == OutputState.Failed).ToList();
        if (failed.Count > 0)
            throw new UserInputException("--output", failed.Select(o => new Core.Scene.ValidationProblem("--output", $"{o.Target}: {o.LastError}")).ToList());
        return encoder;
    }
}
