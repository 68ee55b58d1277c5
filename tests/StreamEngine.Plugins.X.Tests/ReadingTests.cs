using StreamEngine.Plugins.X.Api;

namespace StreamEngine.Plugins.X.Tests;

public sealed class ReadingTests
{
    [Fact]
    public async Task ConversationSearchPagesThroughRepliesAndResumesAfterSinceId()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.PageSize = 2;
        var ids = Enumerable.Range(1, 5).Select(i => f.X.Seed($"bid {i * 10}", i.ToString(), "900")).ToList();
        f.X.Seed("other conversation", "9", "901");

        var seen = new List<string>();
        string? token = null, newest = null;
        do
        {
            var page = await f.Reads.SearchConversationAsync("900", null, token, CancellationToken.None);
            seen.AddRange(page.Posts.Select(p => p.Text));
            newest ??= page.NewestId;
            token = page.NextToken;
            Assert.All(page.Posts, p => Assert.True(page.Users.ContainsKey(p.AuthorId!)));
        } while (token is not null);
        Assert.Equal(["bid 50", "bid 40", "bid 30", "bid 20", "bid 10"], seen);
        Assert.Equal(ids[^1], newest);

        var later = f.X.Seed("bid 60", "2", "900");
        var next = await f.Reads.SearchConversationAsync("900", newest, null, CancellationToken.None);
        Assert.Equal(later, Assert.Single(next.Posts).Id);
    }

    [Fact]
    public async Task SearchesKeepWithinTheWindowInsteadOfHammering()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.Limit = 2;

        for (var i = 0; i < 5; i++) await f.Reads.SearchConversationAsync("900", null, null, CancellationToken.None);

        Assert.Equal(0, f.X.Refused429);
        Assert.Equal(5, f.X.Requests.Count(r => r == "GET /2/tweets/search/recent"));
        Assert.Equal(2, f.Clock.Waits.Count(w => w >= TimeSpan.FromMinutes(15)));
        Assert.Equal(new { Limit = 2, Remaining = 1 }, f.Client.Budget.For(XReads.SearchEndpoint) is { } w ? new { w.Limit, w.Remaining } : null);
    }

    [Fact]
    public async Task A503OnAReadIsRetriedWithBackoff()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.SearchFaults.Enqueue("503");
        f.X.SearchFaults.Enqueue("500");
        f.X.Seed("bid 10", "1", "900");

        var page = await f.Reads.SearchConversationAsync("900", null, null, CancellationToken.None);

        Assert.Single(page.Posts);
        Assert.Equal(2, f.Clock.Waits.Count);
        Assert.True(f.Clock.Waits[1] > f.Clock.Waits[0] / 2, "the second backoff is drawn from a doubled range");
    }

    [Fact]
    public async Task AMalformedSearchAnswerIsATypedError()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.SearchFaults.Enqueue("malformed");
        await Assert.ThrowsAsync<XMalformedResponseException>(() => f.Reads.SearchConversationAsync("900", null, null, CancellationToken.None));
    }

    [Fact]
    public async Task UsersAreLookedUpAndABadNameIsRefusedBeforeSending()
    {
        await using var f = await XClientFixture.StartAsync();
        var users = await f.Reads.LookupUsersAsync(["ana", "bob_2"], CancellationToken.None);
        Assert.Equal(["ana", "bob_2"], users.Select(u => u.Username));
        Assert.True(users[0].Verified);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => f.Reads.LookupUsersAsync(["ana&x=1"], CancellationToken.None));
        Assert.Contains("'ana&x=1'", error.Message);
        Assert.Equal(1, f.X.Requests.Count(r => r == "GET /2/users/by"));
    }

    [Fact]
    public async Task AConversationIdThatIsNotAnIdIsRefused() =>
        Assert.Contains("not an X post id", (await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await using var f = await XClientFixture.StartAsync();
            await f.Reads.SearchConversationAsync("90 OR from:x", null, null, CancellationToken.None);
        })).Message);
}
