using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task AWrongSecretIsA401NamingTheCredentialsAndNeverTheirValues()
    {
        var wrong = new OAuth1Credentials("fake-consumer-key", "not-the-secret", "1-fake-token", "fake-token-secret");
        await using var f = await XClientFixture.StartAsync(credentials: wrong);

        var error = await Assert.ThrowsAsync<XUnauthorizedException>(() => f.Reads.MeAsync(CancellationToken.None));

        Assert.Equal(1, f.X.BadSignatures);
        Assert.Equal(401, error.Status);
        Assert.Equal("Unauthorized", error.Title);
        Assert.Contains("TWITTER_API_SECRET", error.Message);
        Assert.DoesNotContain("not-the-secret", error.ToString());
        Assert.DoesNotContain("fake-token-secret", error.ToString());
    }

    [Fact]
    public async Task A403SaysWhichAccessIsMissing()
    {
        await using var f = await XClientFixture.StartAsync();
        f.X.PostFaults.Enqueue("403");

        var error = await Assert.ThrowsAsync<XForbiddenException>(() => new XPosts(f.Client, f.Reads).PostAsync("a", "hi", null, CancellationToken.None));

        Assert.Equal([453], error.Codes);
        Assert.Contains("Read and Write", error.Message);
        Assert.Contains("You currently have access to a subset", error.Message);
        Assert.Empty(f.X.Posts);
    }

    [Fact]
    public void BothErrorShapesBecomeReadableMessages()
    {
        var problem = XErrorReader.Read("GET /2/x", 400, """{"title":"Invalid Request","detail":"One or more parameters are invalid.","type":"https://api.x.com/2/problems/invalid-request"}""", "creds");
        var legacy = XErrorReader.Read("GET /2/x", 400, """{"errors":[{"code":32,"message":"Could not authenticate you."}]}""", "creds");
        var junk = XErrorReader.Read("GET /2/x", 502, "<html>" + new string('x', 5000), "creds");

        Assert.Equal("X answered 400 to GET /2/x: Invalid Request; One or more parameters are invalid..", problem.Message);
        Assert.Equal("https://api.x.com/2/problems/invalid-request", problem.Type);
        Assert.Equal("X answered 400 to GET /2/x: Could not authenticate you.; code 32.", legacy.Message);
        Assert.Equal("X answered 502 to GET /2/x: body was not X's error JSON.", junk.Message);
    }

    [Fact]
    public void TheBearerAuthenticatorNeverShowsItsToken() =>
        Assert.DoesNotContain("AAAA-secret", new BearerAuthenticator("AAAA-secret", appOnly: true).ToString());
}
