using System.Net.Http.Headers;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// An OAuth 2.0 user token that renews itself: before a request, a token due to expire is refreshed with its refresh
/// token and the new one saved to the <see cref="TokenFile"/> before it is used, so a restart continues with it (X's
/// refresh tokens are single-use: losing the new one would mean authorizing again).
/// </summary>
public sealed class RefreshingUserAuthenticator(OAuth2Token token, OAuth2Client client, TokenFile file, TimeProvider clock) : IRequestAuthenticator
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private OAuth2Token _token = token;

    public OAuth2Token Token => _token;

    /// <summary>Refreshes the token when it is due; a no-op otherwise.</summary>
    public async Task RefreshIfDueAsync(CancellationToken ct)
    {
        if (!_token.IsDue(clock.GetUtcNow())) return;
        await _refresh.WaitAsync(ct);
        try
        {
            if (!_token.IsDue(clock.GetUtcNow())) return;
            var refresh = _token.RefreshToken ?? throw new InvalidOperationException(
                "The X user token expired and has no refresh token: authorize again with the offline.access scope.");
            var renewed = await client.RefreshAsync(refresh, ct);
            file.Save(renewed);
            _token = renewed;
        }
        finally { _refresh.Release(); }
    }

    public void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.AccessToken);

    public string Describe() => "an OAuth 2.0 user access token (authorization code with PKCE)";

    public override string ToString() => $"RefreshingUserAuthenticator({_token})";
}
