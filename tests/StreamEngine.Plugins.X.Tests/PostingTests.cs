using StreamEngine.Plugins.X.Api;

namespace StreamEngine.Plugins.X.Tests;

public sealed class PostingTests
{
    [Fact]
    public async Task AReplyIsPostedOnceWhenTheRequestSucceededButItsAnswerWasLost()
    {
        await using var f = await XClientFixture.StartAsync();
        var posts = new XPosts(f.Client, f.Reads);
        f.X.PostFaults.Enqueue("created-503");

        var id = await posts.PostAsync("lot-7-sold", "SOLD to @ana for $120!", "555", CancellationToken.None);
        var again = await posts.PostAsync("lot-7-sold", "SOLD to @ana for $120!", "555", CancellationToken.None);

        var post = Assert.Single(f.X.Posts);
        Assert.Equal((string?)post["id"], id);
        Assert.Equal(id, again);
        Assert.Equal(1, f.X.Requests.Count(r => r == "POST /2/tweets"));
        Assert.Equal("SOLD to @ana for $120!", (string?)post["text"]);
        Assert.Equal("555", (string?)post["referenced_tweets"]![0]!["id"]);
    }

    [Fact]
    public async Task APostThatX503dWithoutCreatingIsSentAgainAfterChecking()
    {
        await using var f = await XClientFixture.StartAsync();
        var posts = new XPosts(f.Client, f.Reads);
        f.X.PostFaults.Enqueue("503");

        var id = await posts.PostAsync("lot-8", "Lot 8 opens at $50", null, CancellationToken.None);

        Assert.Equal((string?)Assert.Single(f.X.Posts)["id"], id);
        Assert.Equal(2, f.X.Requests.Count(r => r == "POST /2/tweets"));
        Assert.Contains("GET /2/tweets/search/recent", f.X.Requests);
        Assert.NotEmpty(f.Clock.Waits);
    }

    [Fact]
    public async Task A429WaitsForTheResetXNamesThenPostsOnce()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.Limit = 1;
        var posts = new XPosts(f.Client, f.Reads);

        await posts.PostAsync("a", "first", null, CancellationToken.None);
        await posts.PostAsync("b", "second", null, CancellationToken.None);

        Assert.Equal(2, f.X.Posts.Count);
        Assert.Equal(0, f.X.Refused429);
        Assert.Contains(f.Clock.Waits, w => w >= TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task ThePerShowCapStopsPostingWithAClearError()
    {
        await using var f = await XClientFixture.StartAsync(new XApiOptions { PostsPerShow = 1 });
        var posts = new XPosts(f.Client, f.Reads);

        await posts.PostAsync("a", "first", null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<XPostCapReachedException>(() => posts.PostAsync("b", "second", null, CancellationToken.None));

        Assert.Contains("x.postsPerShow", error.Message);
        Assert.Single(f.X.Posts);
    }

    [Fact]
    public async Task AMalformedAnswerToAPostIsATypedError()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.PostFaults.Enqueue("malformed");

        var error = await Assert.ThrowsAsync<XMalformedResponseException>(() => new XPosts(f.Client, f.Reads).PostAsync("a", "hi", null, CancellationToken.None));
        Assert.Contains("POST /2/tweets", error.Message);
    }
}
