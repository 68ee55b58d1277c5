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
