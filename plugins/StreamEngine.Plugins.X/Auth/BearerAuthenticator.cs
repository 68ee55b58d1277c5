using System.Net.Http.Headers;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>OAuth 2.0 bearer token: app-only (reads public data, cannot post) or a user token from the PKCE flow.</summary>
public sealed class BearerAuthenticator(string token, bool appOnly) : IRequestAuthenticator
{
    public void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public string Describe() => appOnly
        ? "an OAuth 2.0 app-only bearer token (TWITTER_BEARER_TOKEN), which can read but not post or act as a user"
        : "an OAuth 2.0 user access token";

    public override string ToString() => $"BearerAuthenticator({(appOnly ? "app-only" : "user")}, token masked)";
}
