using System.Globalization;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// <c>--output x</c> end to end: the engine streams with X's recommended encoding to nginx-rtmp behind TLS (nginx's
/// stream module with a self-signed certificate, as X's RTMPS ingest), and ffprobe reads what nginx received.
/// </summary>
public sealed class XPresetLiveTests : IDisposable
{
    private const string Key = "sk-x-test-5f1c";
    private readonly TempDirectory _dir = new("x-preset");

    [Fact]
    public async Task The_x_preset_streams_720p30_H264_with_2_second_keyframes_and_AAC_over_RTMPS()
    {
        using var nginx = new NginxRtmpServer(tls: true, record: true);
        using var run = Engine.Start(["run", "--scene", RepoPaths.Samples("hello", "scene.json"), "--output", "x", "--seconds", "16", "--no-api"],
            ("X_INGEST_URL", $"rtmps://127.0.0.1:{nginx.TlsPort}/live"), ("X_STREAM_KEY", Key), ("STREAM_ENGINE_DATA", _dir.File("data")));
        await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.DoesNotContain(Key, run.AllOutput);

        var received = Path.Combine(nginx.RecordingsDirectory, Key + ".flv");
        for (var i = 0; i < 50 && !File.Exists(received); i++) await Task.Delay(100); // nginx closes it once the stream ends
        Assert.True(File.Exists(received), $"nginx recorded nothing over RTMPS:\n{run.AllOutput}");
        var video = await Media.ProbeVideoAsync(received);
        Assert.Equal(("h264", "1280", "720", "30/1"), (video[0], video[1], video[2], video[3]));
        var audio = (await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(30), "-v", "error", "-select_streams", "a:0",
            "-show_entries", "stream=codec_name,channels", "-of", "csv=p=0", received)).Split(',');
        Assert.Equal(("aac", "2"), (audio[0], audio[1].Trim()));

        // Keyframes every 2 s of stream time.
        var keyframes = (await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", received))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(',')).Where(p => p.Length >= 2 && p[1].StartsWith('K'))
            .Select(p => double.Parse(p[0], CultureInfo.InvariantCulture)).Order().ToArray();
        var packets = await Media.VideoPacketTimesAsync(received);
        Assert.True(keyframes.Length >= 3, $"expected several keyframes in {packets.Length} packets from {packets.FirstOrDefault()} s to {packets.LastOrDefault()} s, got them at {string.Join(", ", keyframes)}");
        var gaps = keyframes.Zip(keyframes.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gaps, g => Assert.InRange(g, 1.9, 2.1));
    }

    public void Dispose() => _dir.Dispose();
}
