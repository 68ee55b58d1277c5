using StreamEngine.Core.Chat;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Chat;
using StreamEngine.Toolkit;

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

    [Theory]
    [InlineData("bid 2.5", 2.5, null)]
    [InlineData("2.5 ETH", 2.5, "ETH")]
    [InlineData("I bid $300!", 300, "USD")]
    [InlineData("€1,200", 1200, "EUR")]
    [InlineData("1.2k USDC", 1200, "USDC")]
    [InlineData("  Bid: 3 eth ", 3, "ETH")]
    [InlineData("bid 400", 400, null)]
    [InlineData("!bid 2.5 ETH", 2.5, "ETH")]
    [InlineData("3.5 ETH 🔥🔥", 3.5, "ETH")]
    public void Bids_are_read_from_messages_that_are_only_an_amount(string text, double amount, string? currency)
    {
        Assert.True(BidText.TryParse(text, out var bid));
        Assert.Equal(((decimal)amount, currency), (bid.Amount, bid.Currency));
        Assert.Equal("bid", ChatFeed.Highlight(text, []));
    }

    [Theory]
    [InlineData("lot 3 is nice")]
    [InlineData("400")]
    [InlineData("bid")]
    [InlineData("0")]
    [InlineData("2.5 apples")]
    [InlineData("who bids 5?")]
    public void A_number_in_a_sentence_is_not_a_bid(string text) => Assert.False(BidText.TryParse(text, out _));

    [Theory]
    [InlineData("bid 99999999999999999999999999k")]
    [InlineData("bid 79228162514264337593543950335k")]
    [InlineData("$999999999999999999999999999999")]
    [InlineData("bid 1000000000000001")]
    [InlineData("bid 1000000000001k")]
    public void An_amount_too_large_is_not_a_bid_and_says_why(string text)
    {
        Assert.False(BidText.TryParse(text, out _, out var refusal));
        Assert.Contains("too large to be a bid", refusal);
        Assert.Null(ChatFeed.Highlight(text, []));
        static ChatMessage Message(string text) => new(1, "1", "x", "ana", text, [], null, "bid", new FrameTime(0, 30));
        Assert.True(BidText.TryRead(Message(text), out var highlighted)); // its source said bid: one without an amount
        Assert.Null(highlighted);
    }

    [Fact]
    public void The_largest_bid_is_read_exactly()
    {
        Assert.True(BidText.TryParse("bid 1000000000000k", out var bid, out var refusal));
        Assert.Equal(BidText.MaxAmount, bid.Amount);
        Assert.Null(refusal);
    }

    [Fact]
    public void A_message_its_source_highlighted_as_a_bid_is_one_with_its_first_number_or_no_amount()
    {
        static ChatMessage Message(string text, string? highlight) => new(1, "1", "x", "ana", text, [], null, highlight, new FrameTime(0, 30));
        Assert.True(BidText.TryRead(Message("I'll go 2.75 on this", "bid"), out var first));
        Assert.Equal(new BidAmount(2.75m, null), first);
        Assert.True(BidText.TryRead(Message("raising!", "bid"), out var none));
        Assert.Null(none);
        Assert.True(BidText.TryRead(Message("3 ETH", null), out var ruled));
        Assert.Equal(new BidAmount(3, "ETH"), ruled);
        Assert.False(BidText.TryRead(Message("I'll go 2.75 on this", null), out _));
    }

    [Fact]
    public void Moderators_and_questions_are_highlighted_when_the_source_did_not_say()
    {
        Assert.Equal("moderator", ChatFeed.Highlight("welcome all", ["moderator"]));
        Assert.Equal("question", ChatFeed.Highlight("is shipping included? ", []));
        Assert.Null(ChatFeed.Highlight("gm", ["subscriber"]));
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

    [Fact]
    public void Retracted_messages_leave_the_feed_at_the_next_frame_by_id_by_author_or_all_of_a_source()
    {
        var feed = new ChatFeed(capacity: 4);
        var removed = new List<string>();
        feed.MessageRemoved += m => removed.Add(m.Id);
        Post(feed, ("twitch", "1", "u1"), ("twitch", "2", "u2"), ("youtube", "3", "u1"), ("twitch", "4", "u1"), ("twitch", "5", "u2"));
        Assert.Equal(["2", "3", "4", "5"], Ids(feed)); // capacity 4: "1" scrolled out
        var version = feed.Version;

        feed.Retract(new ChatRetraction("twitch", null, "u1")); // a ban on Twitch: only Twitch's messages by u1
        Assert.Equal(["2", "3", "4", "5"], Ids(feed)); // not before the frame boundary
        feed.OnFrame(new FrameTime(1, 30));
        Assert.Equal(["2", "3", "5"], Ids(feed));
        Assert.NotEqual(version, feed.Version);
        Assert.True(feed.Contains("3"));

        feed.Retract(new ChatRetraction(null, "3", null)); // the API's delete: any source
        feed.Retract(new ChatRetraction("twitch", "nope", null));
        feed.OnFrame(new FrameTime(2, 30));
        Assert.Equal(["2", "5"], Ids(feed));
        Assert.False(feed.Contains("3"));

        Post(feed, ("twitch", "6", "u3"), ("twitch", "7", "u3"), ("youtube", "8", "u3"));
        Assert.Equal(["5", "6", "7", "8"], Ids(feed)); // the freed places are used again, oldest out first
        feed.Retract(new ChatRetraction("twitch", null, null)); // Twitch cleared its whole chat
        feed.OnFrame(new FrameTime(4, 30));
        Assert.Equal(["8"], Ids(feed));
        Assert.Equal(["4", "3", "5", "6", "7"], removed); // "2" scrolled out, which is not a removal
        Assert.Equal(8, feed.LastSequence);
    }

    private static void Post(ChatFeed feed, params (string Source, string Id, string Author)[] messages)
    {
        foreach (var (source, id, author) in messages)
            feed.Post(ChatPost.From(source, new IncomingChatMessage(id, author, author, "m" + id, DateTimeOffset.UnixEpoch)));
        feed.OnFrame(new FrameTime(feed.LastSequence, 30));
    }

    private static List<string> Ids(ChatFeed feed)
    {
        var all = new ChatMessage[feed.Capacity];
        return [.. all.Take(feed.CopyLatest(all)).Select(m => m.Id)];
    }
}
