using System.Globalization;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A scene asking for a clean music track: a recording in Matroska carries the program (music ducked under the
/// host's voice, effects) and a second audio stream with the music alone, not ducked, with no voice and no effect in
/// it; an FLV recording (what RTMP carries) has the program only.
/// </summary>
public sealed class MusicTrackRenderTests(ITestOutputHelper output) : IDisposable
{
    private const double MusicTone = 4000; // the "music" is a tone, so its level can be told apart from the voice's
    private readonly TempDirectory _dir = new("music-track");

    [Fact]
    public async Task A_recording_has_the_program_and_the_music_alone_as_a_second_audio_stream()
    {
        var sox = await ProcessRunner.RunAsync("sox", ["-n", "-r", "48000", "-c", "2", _dir.File("bed.wav"), "synth", "4", "sine",
            MusicTone.ToString(CultureInfo.InvariantCulture), "vol", "0.3"]);
        Assert.True(sox.ExitCode == 0, sox.AllOutput);
        var art = RepoPaths.Samples("layers", "characters", "auctioneer");
        var scene = _dir.File("show.json");
        await File.WriteAllTextAsync(scene, $$"""
            { "size": "320x180", "fps": 30, "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#101018" } },
                { "id": "host", "type": "host", "zIndex": 1, "transform": { "x": 0, "y": 20, "width": 320, "height": 160 },
                  "props": { "state": "idle", "states": { "idle": { "src": "{{art}}/idle.png" } } } } ],
              "audio": { "loudness": null, "musicTrack": true, "channels": [
                { "id": "music", "type": "file", "gainDb": -10, "duck": true, "settings": { "files": ["bed.wav"], "loop": true } },
                { "id": "host", "type": "tts", "voiceOf": "host", "settings": { "voice": "en-us+m3" } },
                { "id": "fx", "type": "effects" } ] } }
            """);
        var script = _dir.File("show.js");
        await File.WriteAllTextAsync(script, """
            after(1, () => say("Lot three, a sunset over the harbour. Who will start the bidding?"));
            after(6, () => audio.play("gavel"));
            """);
        var mkv = _dir.File("show.mkv");
        var run = await Engine.RunAsync(["render", "--scene", scene, "--script", script, "--frames", "240", "--out", mkv], ("ASSET_ROOTS", RepoPaths.Samples("layers")));
        Assert.True(run.ExitCode == 0, run.AllOutput);

        Assert.Equal(["aac", "aac"], await AudioStreamsAsync(mkv));
        var band = $"bandpass=f={MusicTone}:width_type=q:w=20";
        var reject = $"bandreject=f={MusicTone}:width_type=q:w=5";
        // Speech from 1 s (about 3 s long), the gavel at 6 s; the music alone at 4.8 to 5.8 s.
        var programVoice = await AudioMeasure.MeanLevelAsync(mkv, 1.5, 2.5, reject);
        var programMusicUnderVoice = await AudioMeasure.MeanLevelAsync(mkv, 1.5, 2.5, band);
        var musicUnderVoice = await AudioMeasure.MeanLevelAsync(mkv, 1.5, 2.5, band, "a:1");
        var musicAlone = await AudioMeasure.MeanLevelAsync(mkv, 4.8, 5.8, band, "a:1");
        var voiceInMusic = await AudioMeasure.MeanLevelAsync(mkv, 1.5, 2.5, reject, "a:1");
        var programGavel = await AudioMeasure.MeanLevelAsync(mkv, 6, 6.4, reject);
        var gavelInMusic = await AudioMeasure.MeanLevelAsync(mkv, 6, 6.4, reject, "a:1");
        output.WriteLine($"program: voice {programVoice} dB, music under it {programMusicUnderVoice} dB, gavel {programGavel} dB; " +
            $"music track: music {musicUnderVoice} dB in the speech, {musicAlone} dB alone, other sound {voiceInMusic} dB in the speech, {gavelInMusic} dB at the gavel");
        Assert.InRange(musicAlone, -30, -15); // a 0.3 sine at -10 dB: about -23.5 dBFS
        Assert.True(Math.Abs(musicUnderVoice - musicAlone) <= 1.5, "the music track is not ducked under the voice");
        Assert.True(musicUnderVoice - programMusicUnderVoice >= 6, "the program's music is ducked under the voice");
        Assert.True(programVoice - voiceInMusic >= 30, $"the voice is in the program ({programVoice} dB), not in the music track ({voiceInMusic} dB)");
        Assert.True(programGavel - gavelInMusic >= 30, $"the gavel is in the program ({programGavel} dB), not in the music track ({gavelInMusic} dB)");

        var flv = _dir.File("show.flv");
        run = await Engine.RunAsync(["render", "--scene", scene, "--script", script, "--frames", "60", "--out", flv], ("ASSET_ROOTS", RepoPaths.Samples("layers")));
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Equal(["aac"], await AudioStreamsAsync(flv));
    }

    private static async Task<string[]> AudioStreamsAsync(string path) =>
        (await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(30), "-v", "error", "-select_streams", "a", "-show_entries", "stream=codec_name",
            "-of", "csv=p=0", path)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => _dir.Dispose();
}
