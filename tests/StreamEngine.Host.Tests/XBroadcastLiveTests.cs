using StreamEngine.Plugins.X.Tests;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// <c>--output x</c> with <c>X_BROADCAST=auto</c>: the X plugin sets the ingest up through the (fake) X Livestream API,
/// the engine streams to the RTMPS URL with the key X handed out (nginx-rtmp behind TLS records it under that key), and
/// the broadcast is ended when the show stops; the key shows up nowhere in the engine's output.
/// </summary>
public sealed class XBroadcastLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("x-broadcast-live");

    private static (string, string?)[] Credentials(FakeX x) =>
    [
        ("TWITTER_API_KEY", "fake-consumer-key"), ("TWITTER_API_SECRET", "fake-consumer-secret"), ("TWITTER_ACCESS_TOKEN", "1-fake-token"),
        ("TWITTER_ACCESS_TOKEN_SECRET", "fake-token-secret"), ("TWITTER_API_BASE_URL", x.BaseUrl.ToString()), ("X_BROADCAST", "auto"),
    ];

    [Fact]
    public async Task The_x_preset_streams_to_the_ingest_X_set_up_and_the_broadcast_ends_with_the_show()
    {
        using var nginx = new NginxRtmpServer(tls: true, record: true);
        await using var x = await FakeX.StartAsync(TimeProvider.System);
        x.IngestUrl = $"rtmps://127.0.0.1:{nginx.TlsPort}/live";
        using var run = Engine.Start(["run", "--scene", RepoPaths.Samples("hello", "scene.json"), "--output", "x", "--seconds", "6", "--no-api"],
            [.. Credentials(x), ("X_BROADCAST_TITLE", "Blue Vase, live"), ("STREAM_ENGINE_DATA", _dir.File("data"))]);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var key = (string)Assert.Single(x.Sources.Values)["stream_key"]!;
        var broadcast = Assert.Single(x.Broadcasts.Values);
        Assert.Equal("ENDED", (string)broadcast["state"]!);
        Assert.Contains($"broadcast {broadcast["id"]} is RUNNING", run.AllOutput);
        var received = Path.Combine(nginx.RecordingsDirectory, key + ".flv");
        for (var i = 0; i < 50 && !File.Exists(received); i++) await Task.Delay(100);
        Assert.True(File.Exists(received), $"nginx recorded nothing under X's key:\n{run.AllOutput}");
        var video = await Media.ProbeVideoAsync(received);
        Assert.Equal(("h264", "1280", "720"), (video[0], video[1], video[2]));
        foreach (var secret in new[] { key, "fake-consumer-secret", "fake-token-secret", "1-fake-token" }) Assert.DoesNotContain(secret, run.AllOutput);
    }

    [Fact]
    public async Task Without_credentials_X_BROADCAST_auto_stops_before_streaming_and_names_what_is_missing()
    {
        await using var x = await FakeX.StartAsync(TimeProvider.System);
        var run = await Engine.RunAsync(["run", "--scene", RepoPaths.Samples("hello", "scene.json"), "--output", "x", "--seconds", "3", "--no-api"],
            ("TWITTER_API_KEY", ""), ("TWITTER_API_SECRET", ""), ("TWITTER_ACCESS_TOKEN", ""), ("TWITTER_ACCESS_TOKEN_SECRET", ""),
            ("TWITTER_API_BASE_URL", x.BaseUrl.ToString()), ("X_BROADCAST", "auto"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("X_BROADCAST", run.AllOutput);
        Assert.Contains("TWITTER_ACCESS_TOKEN_SECRET", run.AllOutput);
        Assert.Empty(x.Sources);
    }

    public void Dispose() => _dir.Dispose();
}
