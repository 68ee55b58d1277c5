using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The show's sound through the real engine (render CLI, the audio plugin, espeak-ng, ffmpeg): a music bed ducked
/// under the host's voice at broadcast loudness, the host talking while its voice plays, and effects in sync with
/// the picture. Measured with ffmpeg's own meters.
/// </summary>
public sealed class AudioRenderTests(ITestOutputHelper output) : IDisposable
{
    private const double MusicTone = 4000; // the "music" is a tone, so its level can be told apart from the voice's
    private readonly TempDirectory _dir = new("audio");

    [Fact]
    public async Task A_flash_and_the_tick_a_script_plays_with_it_are_within_40_ms()
    {
        var scene = _dir.File("sync.json");
        await File.WriteAllTextAsync(scene, """
            { "size": "320x180", "fps": 30,
              "layers": [ { "id": "bg", "type": "background", "props": { "color": "#000000" } },
                          { "id": "flash", "type": "shape", "zIndex": 1, "visible": false,
                            "transform": { "x": 0, "y": 0, "width": 320, "height": 180 }, "props": { "fill": "#ffffff" } } ],
              "audio": { "channels": [ { "id": "fx", "type": "effects" } ] } }
            """);
        var script = _dir.File("sync.js");
        await File.WriteAllTextAsync(script, """
            every(1, () => { update("flash", { visible: true }); audio.play("tick"); after(0.1, () => update("flash", { visible: false })); });
            """);
        var mp4 = _dir.File("sync.mp4");
        var run = await Engine.RunAsync(["render", "--scene", scene, "--script", script, "--frames", "180", "--out", mp4]);
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var offsets = await AudioMeasure.FlashBeepOffsetsAsync(mp4, 30);
        output.WriteLine("A/V offsets (ms): " + string.Join(", ", offsets.Select(o => (o * 1000).ToString("0.0"))));
        Assert.True(offsets.Count >= 4, $"expected a flash every second, found {offsets.Count}");
        Assert.All(offsets, o => Assert.True(Math.Abs(o) < 0.040, $"A/V offsets (ms): {string.Join(", ", offsets.Select(x => (x * 1000).ToString("0.0")))}"));
    }

    [Fact]
    public async Task Music_dips_under_the_hosts_voice_the_host_talks_while_it_speaks_and_the_mix_is_at_minus_16_LUFS()
    {
        var bed = _dir.File("bed.wav");
        var sox = await ProcessRunner.RunAsync("sox", ["-n", "-r", "48000", "-c", "2", bed, "synth", "4", "sine", MusicTone.ToString(), "vol", "0.3"]);
        Assert.True(sox.ExitCode == 0, sox.AllOutput);
        var art = RepoPaths.Samples("layers", "characters", "auctioneer");
        var scene = _dir.File("show.json");
        await File.WriteAllTextAsync(scene, $$"""
            { "size": "320x180", "fps": 30, "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#101018" } },
                { "id": "host", "type": "host", "zIndex": 1, "transform": { "x": 0, "y": 20, "width": 320, "height": 160 },
                  "props": { "state": "idle", "bubbleColor": "#ff00ff", "states": { "idle": { "src": "{{art}}/idle.png" } } } } ],
              "audio": { "loudness": -16, "channels": [
                { "id": "music", "type": "file", "gainDb": -10, "duck": true, "settings": { "files": ["bed.wav"], "loop": true } },
                { "id": "host", "type": "tts", "voiceOf": "host", "settings": { "voice": "en-us+m3" } },
                { "id": "fx", "type": "effects" } ] } }
            """);
        var script = _dir.File("show.js");
        await File.WriteAllTextAsync(script, """
            after(2, () => say("Lot three, a sunset over the harbour. Who will start the bidding at one hundred?"));
            after(9, () => audio.play("gavel"));
            """);
        var mp4 = _dir.File("show.mp4");
        var run = await Engine.RunAsync(["render", "--scene", scene, "--script", script, "--frames", "360", "--out", mp4], ("ASSET_ROOTS", RepoPaths.Samples("layers")));
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var (lufs, truePeak) = await AudioMeasure.LoudnessAsync(mp4);
        var band = $"bandpass=f={MusicTone}:width_type=q:w=20";
        var reject = $"bandreject=f={MusicTone}:width_type=q:w=5";
        var (musicAlone, musicUnderVoice) = (await AudioMeasure.MeanLevelAsync(mp4, 6.5, 8.5, band), await AudioMeasure.MeanLevelAsync(mp4, 2.5, 4, band));
        var voice = await AudioMeasure.MeanLevelAsync(mp4, 2.5, 4, reject);
        output.WriteLine($"integrated {lufs} LUFS, true peak {truePeak} dBTP; music alone {musicAlone} dB, under the voice {musicUnderVoice} dB; voice {voice} dB");
        Assert.InRange(lufs, -17, -15);
        Assert.True(truePeak <= -1, $"true peak {truePeak} dBTP, expected at most -1");
        Assert.True(musicAlone - musicUnderVoice >= 8, $"the music should dip under the voice: {musicAlone} dB alone, {musicUnderVoice} dB under the voice");
        Assert.True(voice - musicUnderVoice >= 10, $"the voice should be well over the music: voice {voice} dB, music {musicUnderVoice} dB");

        // The bubble (magenta) fades in from the frame the line is said in (2 s: frame 60, with its voice) and is gone once the voice ended.
        var before = await Media.DecodeFrameAsync(mp4, 59, 320, 180);
        var talking = await Media.DecodeFrameAsync(mp4, 66, 320, 180);
        var after = await Media.DecodeFrameAsync(mp4, 350, 320, 180);
        Assert.False(HasBubble(before), "no bubble before the line");
        Assert.True(HasBubble(talking), "the bubble should show while the host speaks");
        Assert.False(HasBubble(after), "the bubble should be gone once the voice ended");
    }

    private static bool HasBubble(DecodedFrame frame)
    {
        for (var y = 0; y < 180; y += 2)
        for (var x = 0; x < 320; x += 2)
            if (frame.IsNear(x, y, "#ff00ff", 40, out _)) return true;
        return false;
    }

    public void Dispose() => _dir.Dispose();
}
