using StreamEngine.Plugins.X.Chat;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Tests;

public sealed class ChatPollingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("x-cursor-").FullName;

    private sealed class Sink : IChatSink
    {
        public List<IncomingChatMessage> Messages { get; } = [];
        public void Post(IncomingChatMessage message) { lock (Messages) Messages.Add(message); }
        public void Report(ChatConnectionState state, string? reason = null) { }
    }

    [Fact]
    public async Task RepliesBecomeChatInOrderAndResumeAfterARestartWithoutDuplicateOrGap()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.PageSize = 2;
        var broadcast = f.X.Seed("Lot 7 is live!", FakeX.MeId, "0");
        f.X.Posts[0]["conversation_id"] = broadcast;
        f.X.Seed("$100", "1", broadcast);
        f.X.Seed("$110", "2", broadcast);
        f.X.Seed("$120", "3", broadcast);
        var cursorFile = Path.Combine(_dir, "x-chat.cursor");
        var sink = new Sink();

        await new ConversationPoller(f.Reads, broadcast, new FileCursorStore(cursorFile)).PollOnceAsync(sink, CancellationToken.None);
        f.X.Seed("$130", "1", broadcast);
        // A new poller on the same cursor file is what the engine has after a restart.
        await new ConversationPoller(f.Reads, broadcast, new FileCursorStore(cursorFile)).PollOnceAsync(sink, CancellationToken.None);

        Assert.Equal(["$100", "$110", "$120", "$130"], sink.Messages.Select(m => m.Text));
        Assert.Equal(sink.Messages.Count, sink.Messages.Select(m => m.Id).Distinct().Count());
        var first = sink.Messages[0];
        Assert.Equal("@user1", first.Author);
        Assert.Equal(["verified"], first.Badges);
        Assert.Empty(sink.Messages[1].Badges);
    }

    [Fact]
    public async Task AFailedPollKeepsTheCursorSoNothingIsSkipped()
    {
        await using var f = await XClientFixture.StartAsync(new Api.XApiOptions { MaxAttempts = 1 });
        f.X.Seed("$100", "1", "900");
        var cursor = new FileCursorStore(Path.Combine(_dir, "c"));
        var sink = new Sink();
        f.X.SearchFaults.Enqueue("malformed");

        await Assert.ThrowsAnyAsync<Exception>(() => new ConversationPoller(f.Reads, "900", cursor).PollOnceAsync(sink, CancellationToken.None));
        Assert.Null(cursor.Load());
        await new ConversationPoller(f.Reads, "900", cursor).PollOnceAsync(sink, CancellationToken.None);
        Assert.Equal("$100", Assert.Single(sink.Messages).Text);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
