#nullable enable
using System.Globalization;
using StreamEngine.Application;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Config;

/// <summary>
/// One <c>--output</c>: a target (or a platform preset's name) and, when it asks for one, its own rendition, written as
/// words after it: <c>--output "rtmp://host/live/key size=1280x720 kbps=2500 codec=h264 fps-divisor=2"</c>. Only those
/// keys are read off the end, so a file name with spaces stays whole.
/// </summary>
internal sealed record OutputSpec(string Target, int? Width, int? Height, int? Kbps, string? Codec, int? FpsDivisor, OutputPreset? Preset)
{
    private static readonly string[] Keys = ["size", "kbps", "codec", "fps-divisor", "adaptive", "min-kbps"];

    /// <summary><c>adaptive=on</c>: a live ingest steps its bitrate down while its link cannot keep up (<see cref="OutputRendition.Adaptive"/>).</summary>
    public bool Adaptive { get; init; }

    /// <summary><c>min-kbps=N</c>: the lowest step of an adaptive output.</summary>
    public int? MinKbps { get; init; }

    /// <summary>True when the output asks for anything of its own.</summary>
    public bool HasRendition => Width is not null || Kbps is not null || Codec is not null || FpsDivisor is not null || Adaptive || MinKbps is not null;

    /// <summary>A target taken as it is (a file the command itself names), with no rendition.</summary>
    public static OutputSpec Plain(string target) => new(target, null, null, null, null, null, null);

    public static OutputSpec Parse(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var options = new Dictionary<string, string>();
        while (words.Count > 1 && words[^1].Split('=', 2) is [var key, var value] && Keys.Contains(key))
        {
            if (!options.TryAdd(key, value)) throw Invalid($"'{key}=' is given twice");
            words.RemoveAt(words.Count - 1);
        }
        var target = string.Join(' ', words);
        int? width = null, height = null;
        if (options.TryGetValue("size", out var size))
        {
            if (size.Split('x') is not [var w, var h] || !int.TryParse(w, CultureInfo.InvariantCulture, out var wi) || !int.TryParse(h, CultureInfo.InvariantCulture, out var hi))
                throw Invalid($"size={size}: expected WIDTHxHEIGHT such as 1280x720");
            (width, height) = (wi, hi);
        }
        var adaptive = options.GetValueOrDefault("adaptive") switch
        {
            null or "off" => false,
            "on" => true,
            var other => throw Invalid($"adaptive={other}: expected on or off"),
        };
        return new OutputSpec(target, width, height, Number(options, "kbps"), options.GetValueOrDefault("codec"), Number(options, "fps-divisor"), OutputPreset.Find(target))
        {
            Adaptive = adaptive, MinKbps = Number(options, "min-kbps"),
        };
    }

    /// <summary>The ingest a plugin set up for this output's preset (<see cref="Show.PresetIngest"/>), URL with key.</summary>
    public string? IngestTarget { get; init; }

    /// <summary>The target to hand the encoder: a preset's ingest URL with its key, or the text as given.</summary>
    public string Resolve(EngineConfig config) => IngestTarget ?? Preset?.Target(config) ?? Target;

    /// <summary>The rendition for a show of <paramref name="show"/>: its own words over its preset's, checked; null when it needs none.</summary>
    public OutputRendition? Rendition(VideoFormat show)
    {
        if (!HasRendition && Preset is null) return null;
        var width = Width ?? Preset?.Width ?? show.Width;
        var height = Height ?? Preset?.Height ?? show.Height;
        var divisor = FpsDivisor ?? (Preset is { } p && show.Fps > p.Fps && show.Fps % p.Fps == 0 ? show.Fps / p.Fps : 1);
        var rendition = new OutputRendition(width, height, Kbps ?? Preset?.VideoKbps, Codec, divisor) { Adaptive = Adaptive, MinVideoBitrateKbps = MinKbps };
        var problems = OutputRenditions.Check(rendition, show, "--output " + (Preset?.Name ?? "…"));
        if (problems.Count > 0)
            throw new UserInputException("--output", problems.Select(pr => new Core.Scene.ValidationProblem("--output", pr.Problem
                + (pr.Field.EndsWith(".width", StringComparison.Ordinal) || pr.Field.EndsWith(".height", StringComparison.Ordinal) ? " (give the show a larger --size)" : ""))).ToList());
        return rendition;
    }

    /// <summary>
    /// The show's size, rate and bitrate when the command line names none: those of the largest preset named, so a
    /// show going only to <c>--output x</c> is made at X's size and its output needs no second encode.
    /// </summary>
    public static (string? Size, int? Fps, EngineConfig Config) ShowDefaults(IReadOnlyList<OutputSpec> specs, string? size, int? fps, EngineConfig config)
    {
        var largest = specs.Select(s => s.Preset).OfType<OutputPreset>().OrderByDescending(p => p.Height).FirstOrDefault();
        if (largest is null) return (size, fps, config);
        return (size ?? $"{largest.Width}x{largest.Height}", fps ?? largest.Fps,
            size is null && config.VideoBitrateKbps is null ? config with { VideoBitrateKbps = largest.VideoKbps } : config);
    }

    private static int? Number(Dictionary<string, string> options, string key) =>
        !options.TryGetValue(key, out var text) ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid($"{key}={text}: expected a whole number");

    private static UserInputException Invalid(string problem) => new("--output", "--output", problem);
}
