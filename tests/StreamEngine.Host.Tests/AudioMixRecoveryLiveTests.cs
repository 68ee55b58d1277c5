using System.Net;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The mix's levels are part of the saved show: a gain and a mute set over the API come back after a restart with the
/// same state store, in GET /api/audio and in what the recording sounds like.
/// </summary>
public sealed class AudioMixRecoveryLiveTests(ITestOutputHelper output) : IDisposable
{
    private const string Tone = "bandpass=f=440:width_type=q:w=20"; // the music is a 440 Hz tone
    private readonly TempDirectory _dir = new("audio-mix-recovery");

    [Fact]
    public async Task A_gain_and_a_mute_set_over_the_api_survive_a_restart()
    {
        var sox = await ProcessRunner.RunAsync("sox", ["-n", "-r", "48000", "-c", "2", _dir.File("tone.wav"), "synth", "4", "sine", "440", "vol", "0.3"]);
        Assert.True(sox.ExitCode == 0, sox.AllOutput);
        await File.WriteAllTextAsync(_dir.File("scene.json"), """
            { "size": "320x180", "fps": 30,
              "layers": [ { "id": "bg", "type": "background", "props": { "color": "#000000" } } ],
              "audio": { "loudness": null, "channels": [
                { "id": "music", "type": "file", "gainDb": -6, "settings": { "files": ["tone.wav"], "loop": true } },
                { "id": "fx", "type": "effects" } ] } }
            """);
        var env = Engine.Environment();
        double changedAt;
        string firstRecording;
        await using (var first = await RunningEngine.StartSceneAsync(_dir.File("first.ts"), _dir.File("scene.json"), env))
        {
            await AudioApiLiveTests.MixedAsync(first, 2.5);
            Assert.Equal(HttpStatusCode.OK, (await first.Api.PatchAsync("api/audio/channels/music", RunningEngine.Json("""{"gainDb": -30}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.Api.PatchAsync("api/audio/channels/fx", RunningEngine.Json("""{"muted": true}"""))).StatusCode);
            changedAt = await AudioApiLiveTests.MixedAsync(first, 0);
            await first.StopAsync();
            firstRecording = first.Recording;
        }

        await using var second = await RunningEngine.StartSceneAsync(_dir.File("second.ts"), _dir.File("scene.json"), env);
        var audio = await second.GetObjectAsync("api/audio");
        var channels = audio["channels"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        Assert.Equal(-30, channels["music"]["gainDb"]!.GetValue<double>());
        Assert.False(channels["music"]["muted"]!.GetValue<bool>());
        Assert.True(channels["fx"]["muted"]!.GetValue<bool>());
        var from = await AudioApiLiveTests.MixedAsync(second, 0);
        await AudioApiLiveTests.MixedAsync(second, from + 2.5);
        await second.StopAsync();

        // The music plays at the level set before the restart, 24 dB under the scene's -6 dB (measured through AAC and a
        // band-pass about 19 dB); without the saved mix it would be as loud as before.
        var before = await AudioMeasure.MeanLevelAsync(firstRecording, 0.5, changedAt - 0.3, Tone);
        var after = await AudioMeasure.MeanLevelAsync(second.Recording, 0.5, 2, Tone);
        output.WriteLine($"music before the restart {before} dB (gain -6), after it {after} dB (gain -30)");
        Assert.InRange(before - after, 12, 30);
    }

    public void Dispose() => _dir.Dispose();
}
