using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamEngine.Host.Show;

/// <summary>What <c>bench</c> reports; CPU figures are percent of one core.</summary>
internal sealed record BenchResult(
    string Size,
    int TargetFps,
    double Seconds,
    long Frames,
    long Dropped,
    double Fps,
    double RenderMsP50,
    double RenderMsP99,
    double PacingJitterMsP99,
    double EngineCpuPct,
    double EncoderCpuPct,
    double RssMb,
    double BaselineEncoderCpuPct,
    double OverheadRatio,
    string VideoEncoder,
    long DroppedLate = 0,
    double ScriptMsP50 = 0,
    double ScriptMsP99 = 0)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public string ToText() => $"""
        size {Size} @ {TargetFps} fps for {Seconds:0.#} s ({VideoEncoder})
        frames {Frames}, dropped {Dropped} ({DroppedLate} because the frame thread was late), {Fps:0.00} fps
        render ms p50 {RenderMsP50:0.00}, p99 {RenderMsP99:0.00}; pacing jitter p99 {PacingJitterMsP99:0.00} ms
        engine CPU {EngineCpuPct:0.0} %, encoder CPU {EncoderCpuPct:0.0} %, RSS {RssMb:0} MB
        scripts ms per frame p50 {ScriptMsP50:0.000}, p99 {ScriptMsP99:0.000}
        baseline: ffmpeg alone {BaselineEncoderCpuPct:0.0} %; overhead ratio {OverheadRatio:0.00}
        """;
}
