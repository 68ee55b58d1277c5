using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// The sound over the API on a live engine: what GET /api/audio reports, what a PATCH of the music's gain or mute and
/// a played sound change in what is heard (measured in the recording with ffmpeg), the same over the WebSocket, and the
/// refusals a user gets for a bad number, an unknown channel or an unknown sound.
/// </summary>
public sealed class AudioApiLiveTests(ITestOutputHelper output) : IDisposable
{
    private const string Tone = "bandpass=f=440:width_type=q:w=20"; // the music is a 440 Hz tone, so it is told apart from the gavel
    private readonly TempDirectory _dir = new("audio-api");

    [Fact]
    public async Task Gain_mute_and_a_played_sound_change_what_the_recording_sounds_like()
    {
        const string password = "audio-ws-5521";
        var scene = await SceneAsync();
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment(("WS_PASSWORD", password)));
        await MixedAsync(engine, 3);
        var before = await engine.GetObjectAsync("api/audio");
        Assert.True(before["enabled"]!.GetValue<bool>());
        Assert.Equal(["music", "fx"], before["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var musicLevel = Level(before, "music");
        Assert.InRange(musicLevel, -30, -10); // a 0.3 sine at -6 dB: about -19.5 dBFS

        var loud = await MixedAsync(engine, 0);
        var quieter = await engine.Api.PatchAsync("api/audio/channels/music", RunningEngine.Json("""{"gainDb": -36}"""));
        Assert.Equal(HttpStatusCode.OK, quieter.StatusCode);
        Assert.Equal(-36, (await quieter.Content.ReadFromJsonAsync<JsonObject>())!["gainDb"]!.GetValue<double>());
        var turnedDown = await MixedAsync(engine, 0);
        await MixedAsync(engine, turnedDown + 2.5);
        Assert.True(Level(await engine.GetObjectAsync("api/audio"), "music") < musicLevel - 20, "the reported level follows the gain");

        var muteFrom = await MixedAsync(engine, 0);
        Assert.Equal(HttpStatusCode.OK, (await engine.Api.PatchAsync("api/audio/channels/music", RunningEngine.Json("""{"muted": true}"""))).StatusCode);
        var muted = await MixedAsync(engine, 0);
        await MixedAsync(engine, muted + 2);
        var played = await engine.Api.PostAsync("api/audio/play", RunningEngine.Json("""{"cue": "gavel"}"""));
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        var gavel = (await played.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("fx", gavel["channel"]!.GetValue<string>());
        var gavelAt = gavel["showTime"]!.GetValue<double>();
        await MixedAsync(engine, gavelAt + 2);

        await Refused(engine.Api.PatchAsync("api/audio/channels/music", RunningEngine.Json("""{"gainDb": 40}""")), 400, "gainDb");
        await Refused(engine.Api.PatchAsync("api/audio/channels/music", RunningEngine.Json("""{"muted": "yes"}""")), 400, "muted");
        await Refused(engine.Api.PatchAsync("api/audio/channels/ghost", RunningEngine.Json("""{"gainDb": 0}""")), 404, "channel");
        await Refused(engine.Api.PostAsync("api/audio/play", RunningEngine.Json("""{"cue": "kazoo"}""")), 404, "cue");
        await Refused(engine.Api.PostAsync("api/audio/play", RunningEngine.Json("""{"cue": "x", "channel": "music"}""")), 400, "channel");

        // Over the WebSocket: the music back at -6 dB, unmuted, and the change announced to subscribers of outputs (bit 2).
        using var socket = await WebSocketTests.IdentifyAsync(new Uri($"ws://127.0.0.1:{engine.Environment["WS_PORT"]}/"), password, subscriptions: 2);
        var back = await MixedAsync(engine, 0);
        await WebSocketTests.SendAsync(socket, new JsonObject { ["op"] = 6, ["d"] = new JsonObject {
            ["requestType"] = "SetAudioChannel", ["requestId"] = "a1", ["requestData"] = new JsonObject { ["channelId"] = "music", ["gainDb"] = -6, ["muted"] = false } } });
        JsonNode? answer = null, changed = null;
        while (answer is null || changed is null)
        {
            var message = await WebSocketTests.ReceiveAsync(socket);
            if (message["op"]!.GetValue<int>() == 7) answer = message["d"];
            else if (message["d"]?["eventType"]?.GetValue<string>() == "AudioChannelChanged") changed = message["d"]!["eventData"];
        }
        Assert.Equal(100, answer["requestStatus"]!["code"]!.GetValue<int>());
        Assert.False(changed["muted"]!.GetValue<bool>());
        Assert.Equal(-6, changed["gainDb"]!.GetValue<double>());
        var unmuted = await MixedAsync(engine, 0);
        await MixedAsync(engine, unmuted + 2.5);
        await engine.StopAsync();

        var file = engine.Recording;
        var atStart = await AudioMeasure.MeanLevelAsync(file, 1, loud - 0.2, Tone);
        var down = await AudioMeasure.MeanLevelAsync(file, turnedDown + 0.5, muteFrom - 0.2, Tone);
        var silent = await AudioMeasure.MeanLevelAsync(file, muted + 0.5, gavelAt - 0.2);
        var withGavel = await AudioMeasure.MeanLevelAsync(file, gavelAt - 0.1, gavelAt + 0.5);
        var again = await AudioMeasure.MeanLevelAsync(file, unmuted + 0.5, unmuted + 2.3, Tone);
        output.WriteLine($"music {atStart} dB, at -36 dB gain {down} dB, muted {silent} dB, gavel {withGavel} dB, back {again} dB; changes at {loud}/{turnedDown}, {muteFrom}/{muted}, gavel {gavelAt}, {back}/{unmuted} s");
        Assert.InRange(atStart - down, 24, 36);
        Assert.True(silent < -70, $"muted music should be silence: {silent} dB");
        Assert.True(withGavel > silent + 30, $"the gavel should be heard: {withGavel} dB against {silent} dB");
        Assert.InRange(again - atStart, -2, 2);
    }

    private async Task<string> SceneAsync()
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
        return _dir.File("scene.json");
    }

    /// <summary>Waits until the mix has reached <paramref name="seconds"/> of show time; returns where it is.</summary>
    internal static async Task<double> MixedAsync(RunningEngine engine, double seconds)
    {
        for (var i = 0; i < 600; i++)
        {
            var mixed = (await engine.GetObjectAsync("api/audio"))["mix"]!["mixedSeconds"]!.GetValue<double>();
            if (mixed >= seconds) return mixed;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the mix did not reach {seconds} s");
    }

    private static double Level(JsonObject audio, string channel) =>
        audio["channels"]!.AsArray().First(c => c!["id"]!.GetValue<string>() == channel)!["levelDb"]!.GetValue<double>();

    private static async Task Refused(Task<HttpResponseMessage> request, int status, string field)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, JsonNode.Parse(body)!["field"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();
}
