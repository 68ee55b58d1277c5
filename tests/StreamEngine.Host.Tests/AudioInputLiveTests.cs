using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A live input channel: a network stream (a 440 Hz tone an ffmpeg serves over HTTP on loopback) is heard in the
/// show's recording; a file: URL, or a loopback address the scene does not allow, is refused at start naming the setting.
/// </summary>
public sealed class AudioInputLiveTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("audio-input");

    [Fact]
    public async Task A_network_stream_is_heard_in_the_show()
    {
        var port = FreePort.Tcp();
        using var server = ProcessRunner.Start("ffmpeg", ["-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", "120", "-ac", "2", "-c:a", "libmp3lame", "-f", "mp3", "-listen", "1", $"http://127.0.0.1:{port}/live.mp3"]);
        var scene = Scene($$"""{ "url": "http://127.0.0.1:{{port}}/live.mp3", "allowHosts": ["127.0.0.1"] }""");
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), scene, Engine.Environment());

        // Waits (generously) for the stream's sound to reach the mix, then records 2 s more of it.
        var level = -120.0;
        double mixed = 0;
        for (var i = 0; i < 300 && level < -40; i++, await Task.Delay(100))
        {
            var audio = await engine.GetObjectAsync("api/audio");
            level = audio["channels"]![0]!["levelDb"]!.GetValue<double>();
            mixed = audio["mix"]!["mixedSeconds"]!.GetValue<double>();
        }
        Assert.True(level >= -40, $"the stream's sound did not reach the mix within 30 s (channel level {level} dBFS)");
        for (var i = 0; i < 300 && (await engine.GetObjectAsync("api/audio"))["mix"]!["mixedSeconds"]!.GetValue<double>() < mixed + 2.5; i++) await Task.Delay(50);
        await engine.StopAsync();

        var heard = await AudioMeasure.MeanLevelAsync(engine.Recording, mixed + 0.3, mixed + 1.8, "bandpass=f=440:width_type=q:w=20");
        output.WriteLine($"the stream reached the mix at {mixed:0.0} s; 440 Hz at {heard} dB in the recording after it");
        Assert.True(heard > -40, $"the stream's tone should be heard in the recording: {heard} dB");
    }

    [Theory]
    [InlineData("""{ "url": "file:///etc/passwd" }""", "url: expected an http, https, rtmp, rtmps, rtsp or srt URL")]
    [InlineData("""{ "url": "http://127.0.0.1:9/live.mp3" }""", "is an internal address")]
    [InlineData("""{ "device": "oss:/dev/dsp" }""", "device: expected pulse:NAME or alsa:NAME")]
    public async Task An_input_the_show_may_not_open_is_refused_naming_the_setting(string settings, string expected)
    {
        var run = await Engine.RunAsync(["render", "--scene", Scene(settings), "--frames", "10", "--out", _dir.File("refused.mp4")]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("$.audio.channels[0].settings", run.AllOutput);
        Assert.Contains(expected, run.AllOutput);
    }

    private string Scene(string settings)
    {
        var path = _dir.File($"scene-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            { "size": "320x180", "fps": 30,
              "layers": [ { "id": "bg", "type": "background", "props": { "color": "#000000" } } ],
              "audio": { "loudness": null, "channels": [ { "id": "radio", "type": "input", "settings": {{settings}} } ] } }
            """);
        return path;
    }

    public void Dispose() => _dir.Dispose();
}
