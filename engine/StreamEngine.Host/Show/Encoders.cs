using Microsoft.Extensions.Logging;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>Builds the ffmpeg encoder from the engine config and adds the outputs given on the command line.</summary>
internal static class Encoders
{
    public static EncoderSettings Settings(EngineConfig config, bool live) => new()
    {
        VideoCodec = Enum.Parse<VideoCodec>(config.VideoCodec, ignoreCase: true),
        Preset = config.Preset,
        VideoBitrateKbps = config.VideoBitrateKbps,
        KeyframeIntervalSeconds = config.KeyframeIntervalSeconds,
        AudioCodec = Enum.Parse<AudioCodec>(config.AudioCodec, ignoreCase: true),
        HardwareAcceleration = Enum.Parse<HardwareAcceleration>(config.HardwareAcceleration, ignoreCase: true),
        Live = live,
    };

    public static FFmpegEncoder Create(EngineConfig config, VideoFormat format, bool live, IEnumerable<string> outputs, ILoggerFactory loggers)
    {
        var encoder = new FFmpegEncoder(Settings(config, live), loggers);
        var problems = new List<Core.Scene.ValidationProblem>();
        foreach (var output in outputs)
        {
            try { encoder.AddOutput(output); }
            catch (FormatException e) { problems.Add(new("--output", e.Message)); }
        }
        if (problems.Count > 0) throw new UserInputException("--output", problems);
        var failed = encoder.Outputs.Where(o => o.State == OutputState.Failed).ToList();
        if (failed.Count > 0)
            throw new UserInputException("--output", failed.Select(o => new Core.Scene.ValidationProblem("--output", $"{o.Target}: {o.LastError}")).ToList());
        return encoder;
    }
}
