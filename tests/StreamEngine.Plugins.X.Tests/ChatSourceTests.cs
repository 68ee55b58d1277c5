using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Plugins.X.Chat;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Tests;

public sealed class ChatSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("x-chat-").FullName;

    private sealed class Sink : IChatSink
    {
        public List<IncomingChatMessage> Messages { get; } = [];
        public List<ChatConnectionState> States { get; } = [];
        public void Post(IncomingChatMessage message) { lock (Messages) Messages.Add(message); }
        public void Report(ChatConnectionState state, string? reason = null) { lock (States) States.Add(state); }
    }

    private static readonly XCredentialsFromEnvironment Credentials = XCredentialsFromEnvironment.Read(name => name switch
    {
        "TWITTER_API_KEY" => "fake-consumer-key", "TWITTER_API_SECRET" => "fake-consumer-secret",
        "TWITTER_ACCESS_TOKEN" => "1-fake-token", "TWITTER_ACCESS_TOKEN_SECRET" => "fake-token-secret", _ => null,
    });

    [Fact]
    public async Task TheSourceReadsRepliesAsChatAndPostsTheHostsReplyOnce()
    {
        await using var x = await FakeX.StartAsync(new SkippingClock());
        x.Seed("$100 from me", "1", "900");
        var sink = new Sink();
        var type = new XChatSourceType(Credentials, TimeProvider.System, _dir);
        await using var source = type.Create(new ChatSourceContext("auction", new JsonObject { ["conversationId"] = "900", ["apiBaseUrl"] = x.BaseUrl.ToString(), ["pollSeconds"] = 5 }, sink, NullLogger.Instance));

        await source.StartAsync(CancellationToken.None);
        // Waits for the first poll (it runs at once); the bound only keeps a broken build from hanging the run.
        for (var i = 0; i < 200 && sink.Messages.Count == 0; i++) await Task.Delay(50);
        await source.SendAsync("SOLD to @user1 for $100!", "x:" + x.Posts[0]["id"], CancellationToken.None);
        await source.SendAsync("SOLD to @user1 for $100!", "x:" + x.Posts[0]["id"], CancellationToken.None);
        await source.StopAsync(CancellationToken.None);

        Assert.Equal("$100 from me", Assert.Single(sink.Messages).Text);
        Assert.True(source.CanSend);
        Assert.Equal(1, x.Posts.Count(p => (string?)p["text"] == "SOLD to @user1 for $100!"));
        Assert.Contains(ChatConnectionState.Live, sink.States);
        Assert.Equal(ChatConnectionState.Stopped, sink.States[^1]);
        Assert.True(File.Exists(Path.Combine(_dir, "x", "auction-900.cursor")));
    }

    [Fact]
    public async Task With_conversationId_broadcast_it_reads_the_running_broadcasts_announcement_post_never_an_ended_ones()
    {
        await using var f = await XClientFixture.StartAsync();
        var x = new Api.XBroadcasts(f.Client);
        var source = await x.CreateSourceAsync("studio", "us-east-1", CancellationToken.None);
        var old = await x.GoLiveAsync(source.Id, "Yesterday's sale", announce: true, CancellationToken.None);
        var oldPost = (await x.GetAsync(old.Id, CancellationToken.None)).PostId!;
        await x.EndAsync(old.Id, CancellationToken.None);
        new Commands.BroadcastRecord(source.Id, "studio", "us-east-1", source.IngestUrl, old.Id, oldPost).Save(_dir);
        f.X.Seed("$5 (yesterday)", "3", oldPost);

        var sink = new Sink();
        await using var chat = new XChatSourceType(Credentials, TimeProvider.System, _dir).Create(new ChatSourceContext("x",
            new JsonObject { ["conversationId"] = "broadcast", ["apiBaseUrl"] = f.X.BaseUrl.ToString(), ["pollSeconds"] = 5 }, sink, NullLogger.Instance));
        await chat.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100 && !f.X.Requests.Contains($"GET /2/broadcasts/{old.Id}"); i++) await Task.Delay(50);
        await Assert.ThrowsAsync<InvalidOperationException>(() => chat.SendAsync("Welcome!", null, CancellationToken.None));

        // Today's show goes live (as X_BROADCAST=auto does): X makes the announcement post, and its replies are the chat.
        var live = await x.GoLiveAsync(source.Id, "Blue Vase, live", announce: true, CancellationToken.None);
        new Commands.BroadcastRecord(source.Id, "studio", "us-east-1", source.IngestUrl, live.Id).Save(_dir);
        var post = (await x.GetAsync(live.Id, CancellationToken.None)).PostId!;
        f.X.Seed("$25 for the vase", "7", post);
        for (var i = 0; i < 300 && sink.Messages.Count == 0; i++) await Task.Delay(50);
        await chat.SendAsync("SOLD to @user7 for $25!", null, CancellationToken.None);
        await chat.StopAsync(CancellationToken.None);

        Assert.Equal("$25 for the vase", Assert.Single(sink.Messages).Text);
        lock (f.X.Posts)
            Assert.Equal(post, (string)f.X.Posts.Single(p => (string)p["text"]! == "SOLD to @user7 for $25!")["referenced_tweets"]![0]!["id"]!);
        Assert.Equal(post, Commands.BroadcastRecord.Load(_dir)!.PostId);
    }

    [Fact]
    public async Task With_only_the_x_login_token_the_source_reads_replies_and_posts_as_the_account()
    {
        await using var x = await FakeX.StartAsync(new SkippingClock());
        // The token x login saved: the fake X issued it to its OAuth 2.0 client through the code flow.
        var verifier = Auth.Pkce.NewVerifier();
        x.PendingCode = ("code-from-redirect", Auth.Pkce.Challenge(verifier));
        using (var http = new HttpClient())
        {
            var client = new Auth.OAuth2Client(http, x.BaseUrl, FakeX.ClientId, null, TimeProvider.System);
            new Auth.TokenFile(Commands.LoginCommand.TokenPath(_dir)).Save(
                await client.ExchangeCodeAsync("code-from-redirect", new Uri("http://127.0.0.1:4200/x/callback"), verifier, CancellationToken.None));
        }
        var credentials = XCredentialsFromEnvironment.Read(name => name == "TWITTER_CLIENT_ID" ? FakeX.ClientId : null, _dir);
        Assert.True(credentials.CanPost);
        Assert.StartsWith("the OAuth 2.0 user token from x login", credentials.Describe());
        x.Seed("$40 from me", "1", "900");

        var sink = new Sink();
        await using var source = new XChatSourceType(credentials, TimeProvider.System, _dir).Create(new ChatSourceContext("auction",
            new JsonObject { ["conversationId"] = "900", ["apiBaseUrl"] = x.BaseUrl.ToString(), ["pollSeconds"] = 5 }, sink, NullLogger.Instance));
        await source.StartAsync(CancellationToken.None);
        for (var i = 0; i < 200 && sink.Messages.Count == 0; i++) await Task.Delay(50);
        await source.SendAsync("SOLD to @user1 for $40!", "x:" + x.Posts[0]["id"], CancellationToken.None);
        await source.StopAsync(CancellationToken.None);

        Assert.Equal("$40 from me", Assert.Single(sink.Messages).Text);
        Assert.Equal(1, x.Posts.Count(p => (string?)p["text"] == "SOLD to @user1 for $40!"));
    }

    [Fact]
    public void Without_TWITTER_CLIENT_ID_a_saved_login_token_is_not_used()
    {
        new Auth.TokenFile(Commands.LoginCommand.TokenPath(_dir)).Save(new Auth.OAuth2Token("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(2), null));
        Assert.False(XCredentialsFromEnvironment.Read(_ => null, _dir).CanRead);
    }

    [Theory]
    [InlineData("{}", "conversationId is required")]
    [InlineData("""{"conversationId":"abc"}""", "not an X post id")]
    [InlineData("""{"conversationId":"900","pollSeconds":1}""", "5 to 300")]
    [InlineData("""{"conversationId":"900","apiBaseUrl":"http://example.com"}""", "must be an https URL")]
    public void BadSettingsAreRefusedNamingTheField(string settings, string expected)
    {
        var type = new XChatSourceType(Credentials, TimeProvider.System, _dir);
        var error = Assert.Throws<ArgumentException>(() => type.Create(new ChatSourceContext("a", JsonNode.Parse(settings)!.AsObject(), new Sink(), NullLogger.Instance)));
        Assert.Contains(expected, error.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
