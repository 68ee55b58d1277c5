using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A stall shorter than the clock's drop threshold (a script that holds one frame for 45 ms of a 33 ms period): the
/// clock skips no slot, but the encoder gets that frame late, and the stats, metrics and status line say so.
/// </summary>
public sealed class EncoderGapLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("encoder-gap");

    [Fact]
    public async Task A_frame_held_45_ms_shows_as_an_encoder_gap_in_the_stats_the_metrics_and_the_status_line()
    {
        var script = _dir.File("stall.js");
        await File.WriteAllTextAsync(script, "onFrame(t => { if (t.frame === 90) { const end = Date.now() + 45; while (Date.now() < end) {} } });");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("hello", "scene.json"),
            Engine.Environment(), "--script", script);

        var stats = await engine.GetObjectAsync("api/stats");
        for (var attempt = 0; attempt < 300 && stats["frames"]!.GetValue<long>() < 120; attempt++, await Task.Delay(100))
            stats = await engine.GetObjectAsync("api/stats");

        Assert.True(stats["encoderGaps"]!.GetValue<long>() >= 1, stats.ToJsonString());
        Assert.True(stats["longestEncoderGapMs"]!.GetValue<double>() >= 45, stats.ToJsonString());
        using var http = new HttpClient();
        var gaps = 0.0;
        for (var attempt = 0; attempt < 50 && gaps < 1; attempt++, await Task.Delay(100)) // refreshed once a second
            gaps = (await http.GetStringAsync(engine.Metrics)).Split('\n')
                .Where(l => l.StartsWith("streamengine_encoder_gaps_total ", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        Assert.True(gaps >= 1, $"streamengine_encoder_gaps_total is {gaps}");
        await engine.Process.WaitForLineAsync(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"encoder gaps [1-9]\d* \(longest \d+ ms\)"), TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _dir.Dispose();
}
