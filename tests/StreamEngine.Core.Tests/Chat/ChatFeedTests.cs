using StreamEngine.Core.Chat;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Core.Tests.Chat;

public sealed class ChatFeedTests
{
    [Fact]
    public void Messages_enter_at_the_next_frame_numbered_in_order_and_stamped_with_that_frame()
    {
        var feed = new ChatFeed();
        var shown = new List<ChatMessage>();
        feed.MessageShown += shown.Add;
        feed.Post(new ChatPost("api", "ana", "hello"));
        feed.Post(new ChatPost("twitch", "bo", "bid 3", Highlight: "bid"));
        Assert.Equal(0, feed.LastSequence);

        feed.OnFrame(new FrameTime(42, 30));
        Assert.Equal(2, feed.LastSequence);
        Assert.Equal([(1L, "ana", 42L), (2L, "bo", 42L)], shown.Select(m => (m.Sequence, m.Author, m.ShownAt.Index)));
        Assert.Equal("bid", shown[1].Highlight);
    }

    [Fact]
    public void Only_the_newest_messages_are_kept_and_copied_oldest_first()
    {
        var feed = new ChatFeed(capacity: 4);
        for (var i = 1; i <= 10; i++) feed.Post(new ChatPost("api", "a", $"m{i}"));
        feed.OnFrame(new FrameTime(0, 30));

        var latest = new ChatMessage[3];
        Assert.Equal(3, feed.CopyLatest(latest));
        Assert.Equal(["m8", "m9", "m10"], latest.Select(m => m.Text));
        var more = new ChatMessage[10];
        Assert.Equal(4, feed.CopyLatest(more));
        Assert.Equal("m7", more[0].Text);
    }
}
