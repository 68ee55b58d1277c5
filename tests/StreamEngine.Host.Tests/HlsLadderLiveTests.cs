using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>An <c>hls:</c> output: a ladder of renditions the engine serves itself, read by ffprobe over HTTP, and nothing else served.</summary>
public sealed class HlsLadderLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("hls");

    [Fact]
    public async Task Every_rung_plays_at_its_size_over_the_engine_http_in_segments_of_the_keyframe_interval_and_nothing_outside_is_served()
    {
        var recordings = Directory.CreateDirectory(_dir.File("recordings")).FullName;
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("hello", "scene.json"),
            Engine.Environment(("RECORDINGS_DIR", recordings), ("HLS_LADDER", "180,120,90"), ("KEYFRAME_INTERVAL", "1")), "--output", "hls:show");
        for (var i = 0; (await engine.Api.GetFromJsonAsync<JsonArray>("api/outputs"))!.Count(o => (string?)o!["state"] == "Live") < 4; i++)
        {
            Assert.True(i < 90, "the recording and three rungs should go live");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(6));
        var baseUrl = engine.Api.BaseAddress + "api/hls/show/";

        // ffprobe reads the master playlist and every variant through the engine's route.
        var sizes = (await Media.RunTextAsync("ffprobe", TimeSpan.FromSeconds(60), "-v", "error", "-select_streams", "v",
                "-show_entries", "stream=width,height", "-of", "csv=p=0", baseUrl + "master.m3u8"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Order().ToArray();
        Assert.Equal(["160,90", "214,120", "320,180"], sizes);
        foreach (var (rung, width, height) in new[] { ("180p", 320, 180), ("120p", 214, 120), ("90p", 160, 90) })
        {
            var video = await Media.ProbeAsync(baseUrl + rung + "/index.m3u8", countFrames: false);
            Assert.Equal((width, height), (video.Width, video.Height));
            var playlist = await engine.Api.GetStringAsync($"api/hls/show/{rung}/index.m3u8");
            var durations = playlist.Split('\n').Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
                .Select(l => double.Parse(l[8..].TrimEnd(','), CultureInfo.InvariantCulture)).ToArray();
            Assert.True(durations.Length >= 4, $"{rung}: {playlist}");
            Assert.All(durations.Skip(1), d => Assert.InRange(d, 0.9, 1.1)); // KEYFRAME_INTERVAL=1: a segment per keyframe
        }

        // Read-only and confined: no way out of RECORDINGS_DIR/hls, not through dots, encoded slashes or a link.
        File.CreateSymbolicLink(Path.Combine(recordings, "hls", "show", "leak.m3u8"), "/etc/hostname");
        await File.WriteAllTextAsync(Path.Combine(recordings, "secret.ts"), "not for the web");
        foreach (var path in new[] { "/api/hls/../secret.ts", "/api/hls/%2e%2e/secret.ts", "/api/hls/show/..%2f..%2fsecret.ts",
                     "/api/hls/show/leak.m3u8", "/api/hls/show/../../secret.ts", "/api/hls/show/180p/.hidden.ts", "/api/hls/show" })
        {
            var answer = await RawGetAsync(engine, path);
            Assert.True(!answer.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) && !answer.Contains("not for the web"), $"{path}: {answer}");
        }
        var put = await engine.Api.PutAsync("api/hls/show/master.m3u8", RunningEngine.Json("{}"));
        Assert.True((int)put.StatusCode is 404 or 405, $"PUT answered {put.StatusCode}");
    }

    /// <summary>A request sent as written (HttpClient would resolve the dots itself before sending).</summary>
    private static async Task<string> RawGetAsync(RunningEngine engine, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", engine.Api.BaseAddress!.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{engine.Api.BaseAddress.Port}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public void Dispose() => _dir.Dispose();
}
