using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Application;

/// <summary>
/// The one set of rules for an output's own rendition, from the API, the WebSocket, the command line or the scene
/// file: an even size no larger than the show's (a rendition is the show scaled down: scaling up costs CPU and adds no
/// detail), a bounded bitrate, a codec the encoder knows, and a frame-rate divisor that divides the show's rate.
/// </summary>
public static class OutputRenditions
{
    private static readonly string[] Codecs = ["h264", "vp8", "vp9"];

    /// <summary>Every problem of <paramref name="rendition"/> for a show of <paramref name="show"/>, each naming its field under <paramref name="field"/>.</summary>
    public static IReadOnlyList<(string Field, string Problem)> Check(OutputRendition rendition, VideoFormat show, string field = "rendition")
    {
        var problems = new List<(string, string)>();
        if (rendition.Width < 16 || rendition.Width > show.Width || rendition.Width % 2 != 0)
            problems.Add(($"{field}.width", $"{field}.width is {rendition.Width}; expected an even number from 16 to the show's width {show.Width}"));
        if (rendition.Height < 16 || rendition.Height > show.Height || rendition.Height % 2 != 0)
            problems.Add(($"{field}.height", $"{field}.height is {rendition.Height}; expected an even number from 16 to the show's height {show.Height}"));
        if (rendition.VideoBitrateKbps is < 100 or > 100_000)
            problems.Add(($"{field}.videoBitrateKbps", $"{field}.videoBitrateKbps is {rendition.VideoBitrateKbps}; expected 100 to 100000 kbit/s"));
        if (rendition.VideoCodec is { } codec && !Codecs.Contains(codec))
            problems.Add(($"{field}.videoCodec", $"{field}.videoCodec is '{Cut(codec)}'; expected one of {string.Join(", ", Codecs)}"));
        if (rendition.FpsDivisor < 1 || rendition.FpsDivisor > 8 || show.Fps % rendition.FpsDivisor != 0)
            problems.Add(($"{field}.fpsDivisor", $"{field}.fpsDivisor is {rendition.FpsDivisor}; expected 1 to 8 dividing the show's {show.Fps} fps"));
        if (rendition.MinVideoBitrateKbps is { } min && (min < 100 || min > (rendition.VideoBitrateKbps ?? 100_000)))
            problems.Add(($"{field}.minVideoBitrateKbps", $"{field}.minVideoBitrateKbps is {min}; expected 100 up to the rendition's videoBitrateKbps"));
        else if (rendition.MinVideoBitrateKbps is not null && !rendition.Adaptive)
            problems.Add(($"{field}.minVideoBitrateKbps", $"{field}.minVideoBitrateKbps is set on a rendition that does not adapt; expected adaptive true with it"));
        return problems;
    }

    /// <summary>Only a live ingest adapts its bitrate to its link; a recording never does.</summary>
    public static bool IsIngest(string target) =>
        target.StartsWith("rtmp://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("rtmps://", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("srt://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads <c>{"width", "height", "videoBitrateKbps", "videoCodec", "fpsDivisor", "adaptive", "minVideoBitrateKbps"}</c> (null: the show's own) and checks
    /// it; throws a <see cref="ShowRequestException"/> naming the first field that is wrong.
    /// </summary>
    public static OutputRendition? FromJson(JsonNode? node, VideoFormat show)
    {
        if (node is null) return null;
        if (node is not JsonObject o)
            throw Invalid("rendition", "rendition: expected an object {\"width\", \"height\", \"videoBitrateKbps\", \"videoCodec\", \"fpsDivisor\"}");
        foreach (var (key, _) in o)
            if (key is not ("width" or "height" or "videoBitrateKbps" or "videoCodec" or "fpsDivisor" or "adaptive" or "minVideoBitrateKbps"))
                throw Invalid($"rendition.{Cut(key)}", $"rendition.{Cut(key)} is not a rendition field; expected width, height, videoBitrateKbps, videoCodec, fpsDivisor, adaptive, minVideoBitrateKbps");
        var rendition = new OutputRendition(Int(o, "width") ?? throw Invalid("rendition.width", "rendition.width is required"),
            Int(o, "height") ?? throw Invalid("rendition.height", "rendition.height is required"), Int(o, "videoBitrateKbps"),
            o["videoCodec"] switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => throw Invalid("rendition.videoCodec", "rendition.videoCodec: expected one of " + string.Join(", ", Codecs)),
            }, Int(o, "fpsDivisor") ?? 1)
        {
            Adaptive = o["adaptive"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                _ => throw Invalid("rendition.adaptive", "rendition.adaptive: expected true or false"),
            },
            MinVideoBitrateKbps = Int(o, "minVideoBitrateKbps"),
        };
        if (Check(rendition, show) is [var first, ..]) throw Invalid(first.Field, first.Problem);
        return rendition;
    }

    /// <summary><see cref="FromJson(JsonNode?, VideoFormat)"/> for the show <paramref name="show"/> describes.</summary>
    public static OutputRendition? FromJson(JsonNode? node, ShowInfo show) => FromJson(node, new VideoFormat(show.Width, show.Height, show.Fps));

    private static int? Int(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
        _ => throw Invalid($"rendition.{name}", $"rendition.{name}: expected a whole number"),
    };

    private static ShowRequestException Invalid(string field, string message) => new(RequestFailure.Invalid, message, field);

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
