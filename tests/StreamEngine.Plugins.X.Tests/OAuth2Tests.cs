using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>
/// The OAuth 2.0 authorization code flow with PKCE against the fake X's token endpoint: the code becomes a user token
/// kept in a file only the engine's user can read; a due token is refreshed before a request and the new one is saved
/// first, so a restart goes on with it (X's refresh tokens are single-use).
/// </summary>
public sealed class OAuth2Tests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("x-oauth2-").FullName;
    private XClientFixture _f = null!;

    public async Task InitializeAsync() => _f = await XClientFixture.StartAsync();

    [Fact]
    public async Task The_code_becomes_a_saved_token_that_is_refreshed_and_saved_again_before_use()
    {
        var verifier = Pkce.NewVerifier();
        _f.X.PendingCode = ("code-from-redirect", Pkce.Challenge(verifier));
        var client = new OAuth2Client(_f.Http, _f.X.BaseUrl, FakeX.ClientId, null, _f.Clock);
        var file = new TokenFile(Path.Combine(_dir, "x", "user-token.json"));

        var token = await client.ExchangeCodeAsync("code-from-redirect", new Uri("http://127.0.0.1:4200/x/callback"), verifier, CancellationToken.None);
        file.Save(token);
        Assert.Equal("access-1", token.AccessToken);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.DoesNotContain("access-1", token.ToString());

        // Two hours later the token is due: the next request refreshes it first, and the file holds the new one.
        var auth = new RefreshingUserAuthenticator(file.Load()!, client, file, _f.Clock);
        var api = new XApiClient(_f.Http, auth, new XApiOptions { BaseUrl = _f.X.BaseUrl }, _f.Clock);
        await Task.Delay(TimeSpan.FromHours(2), _f.Clock);
        var me = await new XReads(api).MeAsync(CancellationToken.None);

        Assert.Equal(FakeX.MeName, me.Username);
        Assert.Equal(["authorization_code", "refresh_token"], _f.X.TokenGrants);
        Assert.Equal(("access-2", "refresh-2"), (file.Load()!.AccessToken, file.Load()!.RefreshToken));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));

        // A restart reads the saved token and uses it without refreshing (the old refresh token is spent at X).
        var restarted = new XApiClient(_f.Http, new RefreshingUserAuthenticator(file.Load()!, client, file, _f.Clock), new XApiOptions { BaseUrl = _f.X.BaseUrl }, _f.Clock);
        await new XReads(restarted).MeAsync(CancellationToken.None);
        Assert.Equal(2, _f.X.TokenGrants.Count);
    }

    [Fact]
    public async Task A_wrong_verifier_is_refused_with_Xs_reason()
    {
        _f.X.PendingCode = ("code-from-redirect", Pkce.Challenge(Pkce.NewVerifier()));
        var client = new OAuth2Client(_f.Http, _f.X.BaseUrl, FakeX.ClientId, null, _f.Clock);
        var error = await Assert.ThrowsAsync<XApiException>(() =>
            client.ExchangeCodeAsync("code-from-redirect", new Uri("http://127.0.0.1:4200/x/callback"), Pkce.NewVerifier(), CancellationToken.None));
        Assert.Contains("400", error.Message);
        Assert.Contains(OAuth2Client.Endpoint, error.Message);
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
