using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary><c>bench</c> as a user runs it: small frames and one-second windows, so it stays quick.</summary>
public sealed class BenchTests
{
    private static readonly (string, string?)[] Software = [("HWACCEL", "none")];

    [Fact]
    public async Task Bench_alternates_engine_and_baseline_windows_on_frames_captured_from_the_run_and_reports_the_medians()
    {
        var run = await Engine.RunAsync(["bench", "--scene", RepoPaths.Samples("hello", "scene.json"), "--size", "320x180", "--seconds", "1", "--json"], Software);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        var result = JsonNode.Parse(run.Stdout.Last())!;
        Assert.Equal("hello/scene.json", result["scene"]!.GetValue<string>());
        Assert.Equal("libx264", result["video_encoder"]!.GetValue<string>());
        Assert.Equal("libx264", result["baseline_video_encoder"]!.GetValue<string>());
        var windows = result["windows"]!.AsArray();
        Assert.Equal(3, windows.Count);
        Assert.All(windows, w =>
        {
            Assert.True(w!["frames"]!.GetValue<long>() > 0, w.ToJsonString());
            Assert.True(w["baseline_cpu_pct"]!.GetValue<double>() > 0, w.ToJsonString());
            Assert.True(w["encoder_cpu_pct"]!.GetValue<double>() > 0, w.ToJsonString());
        });
        var ratios = windows.Select(w => w!["ratio"]!.GetValue<double>()).Order().ToList();
        Assert.Equal(ratios[1], result["overhead_ratio"]!.GetValue<double>()); // the median pair
        Assert.True(result["frames_captured"]!.GetValue<int>() >= 30, run.Stdout.Last());
        Assert.True(result["distinct_frames_captured"]!.GetValue<int>() >= 1);
        Assert.True(result["encoder_gaps"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task Bench_measures_the_demo_show_with_its_audience_and_script_by_default()
    {
        var run = await Engine.RunAsync(["bench", "--size", "320x180", "--seconds", "1", "--json"], Software);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        var result = JsonNode.Parse(run.Stdout.Last())!;
        Assert.Equal("layers/scene.json", result["scene"]!.GetValue<string>());
        Assert.True(result["script_ms_p50"]!.GetValue<double>() > 0, run.Stdout.Last()); // the auction script ran
        Assert.True(result["distinct_frames_captured"]!.GetValue<int>() > 1, run.Stdout.Last()); // an animated show, not a still
    }

    [Fact]
    public async Task Bench_refuses_fewer_than_three_pairs_naming_the_option()
    {
        var run = await Engine.RunAsync(["bench", "--pairs", "2", "--seconds", "1"], Software);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--pairs", run.AllOutput);
        Assert.Contains("expected 3 to 100 pairs", run.AllOutput);
    }
}
