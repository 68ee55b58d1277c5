using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>User-context OAuth 1.0a: each request signed with a fresh nonce and the clock's timestamp. X's v2 JSON
/// bodies are not signed (only query parameters are, RFC 5849 section 3.4.1.3.1).</summary>
public sealed class OAuth1Authenticator(OAuth1Credentials credentials, TimeProvider clock) : IRequestAuthenticator
{
    public void Authorize(HttpRequestMessage request)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = OAuth1Signer.Sign(request.Method.Method, request.RequestUri!, [], credentials, nonce, timestamp);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(signed.AuthorizationHeader);
    }

    public string Describe() => "OAuth 1.0a user context (TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET)";

    public override string ToString() => credentials.ToString();
}
