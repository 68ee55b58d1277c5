using StreamEngine.Application;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamEngine.Host.Show;

/// <summary>
/// What <c>bench</c> reports; CPU figures are percent of one core, as the OS accounted them. Engine, encoder and
/// baseline CPU and the overhead ratio are medians over the window pairs; the counts add up the engine windows.
/// </summary>
internal sealed record BenchResult(
    string Scene,
    string Size,
    int TargetFps,
    double Seconds,
    long Frames,
    long Dropped,
    long DroppedLate,
    long EncoderGaps,
    double LongestEncoderGapMs,
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
    string BaselineVideoEncoder,
    int FramesCaptured,
    int DistinctFramesCaptured,
    double ScriptMsP50,
    double ScriptMsP99,
    IReadOnlyList<BenchWindow> Windows)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static BenchResult From(ShowRuntime session, string videoEncoder, string baselineEncoder, IReadOnlyList<BenchWindow> windows, FrameCapture capture)
    {
        var (stats, format) = (session.Stats, session.Format);
        var seconds = windows.Sum(w => w.Seconds);
        var frames = windows.Sum(w => w.Frames);
        return new BenchResult(Path.GetFileName(Path.GetDirectoryName(session.Source)) + "/" + Path.GetFileName(session.Source),
            $"{format.Width}x{format.Height}", format.Fps, Math.Round(seconds, 2), frames, windows.Sum(w => w.Dropped),
            windows.Sum(w => w.DroppedLate), windows.Sum(w => w.EncoderGaps), Math.Round(stats.LongestEncoderGapMs, 1),
            seconds > 0 ? Math.Round(frames / seconds, 2) : 0,
            Math.Round(stats.RenderMsPercentile(50), 3), Math.Round(stats.RenderMsPercentile(99), 3), Math.Round(stats.JitterMsPercentile(99), 3),
            Median(windows, w => w.EngineCpuPct), Median(windows, w => w.EncoderCpuPct), windows.Max(w => w.RssMb),
            Median(windows, w => w.BaselineCpuPct), Median(windows, w => w.Ratio), videoEncoder, baselineEncoder,
            capture.Frames.Count, capture.Distinct,
            Math.Round(stats.ScriptMsPercentile(50), 3), Math.Round(stats.ScriptMsPercentile(99), 3), windows);
    }

    private static double Median(IReadOnlyList<BenchWindow> windows, Func<BenchWindow, double> value)
    {
        var sorted = windows.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : Math.Round((sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2, 2);
    }

    public string ToText() => $"""
        {Scene} at {Size} @ {TargetFps} fps; encoder {VideoEncoder} (baseline {BaselineVideoEncoder})
        {Windows.Count} pairs of {Seconds / Math.Max(1, Windows.Count):0.#} s windows: the engine live, then ffmpeg alone on {FramesCaptured} frames captured from the run ({DistinctFramesCaptured} distinct)
        frames {Frames}, dropped {Dropped} ({DroppedLate} because the frame thread was late), encoder gaps {EncoderGaps} (longest {LongestEncoderGapMs:0} ms), {Fps:0.00} fps
        render ms p50 {RenderMsP50:0.00}, p99 {RenderMsP99:0.00}; pacing jitter p99 {PacingJitterMsP99:0.00} ms; scripts ms per frame p50 {ScriptMsP50:0.000}, p99 {ScriptMsP99:0.000}
        {string.Join("\n", Windows.Select((w, i) => $"pair {i + 1}: engine {w.EngineCpuPct:0.0} % + encoder {w.EncoderCpuPct:0.0} % vs ffmpeg alone {w.BaselineCpuPct:0.0} %: ratio {w.Ratio:0.00}"))}
        median: engine CPU {EngineCpuPct:0.0} %, encoder CPU {EncoderCpuPct:0.0} %, ffmpeg alone {BaselineEncoderCpuPct:0.0} %; overhead ratio {OverheadRatio:0.00}; RSS {RssMb:0} MB
        """;
}

/// <summary>One pair of windows: the engine live (its process and its encoder's CPU), then ffmpeg alone on the captured frames.</summary>
internal sealed record BenchWindow(double Seconds, long Frames, long Dropped, long DroppedLate, long EncoderGaps,
    double EngineCpuPct, double EncoderCpuPct, double BaselineCpuPct, double RssMb)
{
    /// <summary>(engine + its encoder) / ffmpeg alone.</summary>
    public double Ratio => BaselineCpuPct > 0 ? Math.Round((EngineCpuPct + EncoderCpuPct) / BaselineCpuPct, 2) : 0;
}
