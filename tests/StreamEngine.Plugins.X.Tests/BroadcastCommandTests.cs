using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Commands;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>
/// <c>x broadcast create|publish|status|end</c> against the fake X's Livestream routes: the ingest is set up, taken live
/// once (a repeated publish returns the broadcast already live), its announcement post found and the broadcast ended;
/// the stream key is never printed nor written to the engine's files.
/// </summary>
public sealed class BroadcastCommandTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("x-broadcast-").FullName;
    private XClientFixture _f = null!;

    public async Task InitializeAsync() => _f = await XClientFixture.StartAsync();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var env = new Dictionary<string, string>
        {
            ["TWITTER_API_KEY"] = "fake-consumer-key", ["TWITTER_API_SECRET"] = "fake-consumer-secret", ["TWITTER_ACCESS_TOKEN"] = "1-fake-token",
            ["TWITTER_ACCESS_TOKEN_SECRET"] = "fake-token-secret", ["TWITTER_API_BASE_URL"] = _f.X.BaseUrl.ToString(),
        };
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await new XCommand(name => env.GetValueOrDefault(name)).RunAsync(new CliInvocation(["broadcast", .. args], output, errors, _data), CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Create_publish_status_and_end_set_up_the_ingest_go_live_once_and_end_without_showing_the_key()
    {
        var created = await RunAsync("create", "--name", "Auction studio");
        Assert.True(created.Code == 0, created.Err);
        var source = Assert.Single(_f.X.Sources.Values);
        var key = (string)source["stream_key"]!;
        Assert.Equal("us-east-1", (string)source["region"]!); // the region X recommended through its redirect
        Assert.Contains($"source {source["id"]} (Auction studio, us-east-1) ingests at rtmps://127.0.0.1:443/x; stream key ****", created.Out);
        Assert.Contains("GET /2/region", _f.X.Requests);

        var published = await RunAsync("publish", "--title", "Blue Vase, live");
        Assert.True(published.Code == 0, published.Err);
        var broadcast = Assert.Single(_f.X.Broadcasts.Values);
        Assert.Contains($"{broadcast["id"]} is RUNNING on source {source["id"]} at https://x.com/i/broadcasts/{broadcast["id"]}", published.Out);
        Assert.Equal(0, (await RunAsync("publish")).Code);
        Assert.Single(_f.X.Broadcasts.Values); // X answered with the broadcast already live: no second one

        var status = await RunAsync("status");
        Assert.Contains($"its announcement post is {broadcast["tweet_id"]}", status.Out);
        lock (_f.X.Posts) Assert.Contains(_f.X.Posts, p => (string)p["id"]! == (string)broadcast["tweet_id"]! && (string)p["text"]! == "Blue Vase, live");

        var ended = await RunAsync("end");
        Assert.True(ended.Code == 0, ended.Err);
        Assert.Contains($"{broadcast["id"]} is ENDED", ended.Out);
        Assert.Equal("ENDED", (string)broadcast["state"]!);

        var everything = string.Concat(created.Out, created.Err, published.Out, status.Out, ended.Out)
            + string.Concat(Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain(key, everything);
    }

    [Fact]
    public async Task An_account_without_Livestream_access_is_told_what_is_missing_and_the_manual_way()
    {
        _f.X.LivestreamAccess = false;
        var (code, _, errors) = await RunAsync("create", "--region", "eu-central-1");
        Assert.Equal(1, code);
        Assert.Contains("403", errors);
        Assert.Contains("Livestream API access", errors);
        Assert.Contains("X_INGEST_URL and X_STREAM_KEY", errors);
        Assert.DoesNotContain("fake-token-secret", errors);
        Assert.False(File.Exists(BroadcastRecord.PathIn(_data)));
    }

    [Fact]
    public async Task Publish_before_create_names_the_step_and_a_stream_key_is_never_sent_as_a_source_id()
    {
        var (code, _, errors) = await RunAsync("publish");
        Assert.Equal(1, code);
        Assert.Contains("run x broadcast create first", errors);
        var broadcasts = new XBroadcasts(_f.Client);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => broadcasts.GoLiveAsync("sk0123456789ab", null, announce: false, CancellationToken.None));
        Assert.Contains("a stream key is not a source id", refused.Message);
        Assert.DoesNotContain(_f.X.Requests, r => r.StartsWith("POST /2/broadcasts", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
