using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The demo's sound (samples/auction-show with its simulated audience): rendered offline, the program has an audio
/// track at the streaming target, and the moments someone speaks stand out over the music bed. The speech windows come
/// from a second render of the same show with the bed and the effects turned down to nothing, so only the voices are left.
/// </summary>
public sealed class AuctionShowSoundTests(ITestOutputHelper output) : IDisposable
{
    private const int Frames = 750; // 25 s: the first lot opens at 4 s, the host announces it and the audience starts bidding
    private readonly TempDirectory _dir = new("auction-sound");

    [Fact]
    public async Task The_demo_is_at_minus_16_LUFS_and_its_speech_is_at_the_target()
    {
        var show = RepoPaths.Samples("auction-show");
        var program = await RenderAsync(Path.Combine(show, "scene.json"), "program.mp4");
        var voicesOnly = await RenderAsync(VoicesOnly(show), "voices.mp4");

        var (lufs, truePeak) = await AudioMeasure.LoudnessAsync(program);
        var voices = await AudioMeasure.MomentaryAsync(voicesOnly);
        var mix = (await AudioMeasure.MomentaryAsync(program)).ToDictionary(m => Math.Round(m.At, 1), m => m.Lufs);
        // A 100 ms step whose 400 ms window is speech.
        var speech = voices.Where(v => v.Lufs > -30 && v.At > 2).Select(v => mix.GetValueOrDefault(Math.Round(v.At, 1), double.NaN)).Where(double.IsFinite).ToList();
        output.WriteLine($"integrated {lufs} LUFS, true peak {truePeak} dBTP; speech {speech.Count} × 100 ms at {Energy(speech):0.0} LUFS");

        Assert.InRange(lufs, -17, -15);
        Assert.True(truePeak <= -1, $"true peak {truePeak} dBTP, expected at most -1");
        Assert.True(speech.Count >= 20, $"the host should speak for at least 2 s of the first {Frames / 30} s; spoke {speech.Count / 10.0} s");
        Assert.InRange(Energy(speech), -18, -14); // the voices carry the programme at the target, over the ducked bed
    }

    private async Task<string> RenderAsync(string scene, string name)
    {
        var mp4 = _dir.File(name);
        using var run = Engine.Start(["render", "--scene", scene, "--frames", Frames.ToString(), "--size", "640x360",
            "--audience", RepoPaths.Samples("auction-show", "audience.json"), "--out", mp4]);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(6)); // 25 s of the demo with its voices: about a minute on a quiet machine
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.DoesNotContain(run.Stderr, l => l.Contains("could not speak") || l.Contains("plays no sounds"));
        return mp4;
    }

    /// <summary>A copy of the show with the music and the effects 60 dB down: what is left is the voices, at the same times.</summary>
    private string VoicesOnly(string show)
    {
        var copy = Path.Combine(_dir.Root, "voices");
        foreach (var file in Directory.EnumerateFiles(show, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(show, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var scene = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "scene.json")))!.AsObject();
        foreach (var channel in scene["audio"]!["channels"]!.AsArray())
            if (channel!["voiceOf"] is null) channel["gainDb"] = -60;
        File.WriteAllText(Path.Combine(copy, "scene.json"), scene.ToJsonString());
        return Path.Combine(copy, "scene.json");
    }

    /// <summary>The loudness of windows taken together (mean energy, not mean of decibels).</summary>
    private static double Energy(IReadOnlyList<double> lufs) => lufs.Count == 0 ? double.NaN : 10 * Math.Log10(lufs.Average(l => Math.Pow(10, l / 10)));

    public void Dispose() => _dir.Dispose();
}
