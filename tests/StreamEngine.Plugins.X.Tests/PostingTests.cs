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

    [Fact]
    public async Task A_post_recorded_before_a_restart_is_not_posted_again_by_the_next_run()
    {
        await using var f = await XClientFixture.StartAsync();
        var ledger = Path.Combine(Directory.CreateTempSubdirectory("x-ledger-").FullName, "show.posts");
        try
        {
            var id = await new XPosts(f.Client, f.Reads, new PostLedger(ledger)).PostAsync("lot-9-sold", "SOLD to @kim for $80!", "555", CancellationToken.None);

            // The engine restarts: a new ledger reads the file, and the retried reply is answered from it.
            var restarted = new XPosts(f.Client, f.Reads, new PostLedger(ledger));
            Assert.Equal(id, restarted.PostedFor("lot-9-sold"));
            Assert.Equal(id, await restarted.PostAsync("lot-9-sold", "SOLD to @kim for $80!", "555", CancellationToken.None));
            Assert.Single(f.X.Posts);
            Assert.Equal(1, f.X.Requests.Count(r => r == "POST /2/tweets"));
        }
        finally { Directory.Delete(Path.GetDirectoryName(ledger)!, recursive: true); }
    }

    [Fact]
    public void A_torn_last_line_of_the_ledger_is_ignored_and_the_rest_is_kept()
    {
        var dir = Directory.CreateTempSubdirectory("x-ledger-").FullName;
        try
        {
            var path = Path.Combine(dir, "show.posts");
            File.WriteAllText(path, "a\t1001\nb\t10");
            File.AppendAllText(path, "\nc\t"); // crashed mid-write
            var ledger = new PostLedger(path);
            Assert.Equal(("1001", "10", null), (ledger.Find("a"), ledger.Find("b"), ledger.Find("c")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
