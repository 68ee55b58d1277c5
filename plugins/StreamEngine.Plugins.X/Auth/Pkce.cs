using System.Security.Cryptography;
using System.Text;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// PKCE (RFC 7636) with the S256 method, which X's OAuth 2.0 authorization code flow requires: a random verifier kept
/// by the engine and its SHA-256 challenge sent in the authorize URL.
/// </summary>
public static class Pkce
{
    /// <summary>32 random bytes, base64url: 43 characters, within RFC 7636's 43–128.</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier)
    {
        if (verifier.Length is < 43 or > 128 || verifier.Any(c => !IsUnreserved(c)))
            throw new ArgumentException("A PKCE code verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1).", nameof(verifier));
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>X's authorize URL for the authorization code flow with PKCE S256.</summary>
    public static Uri AuthorizeUrl(Uri authorizeEndpoint, string clientId, Uri redirect, IEnumerable<string> scopes, string state, string verifier)
    {
        var query = string.Join("&", new[]
        {
            ("response_type", "code"), ("client_id", clientId), ("redirect_uri", redirect.ToString()),
            ("scope", string.Join(' ', scopes)), ("state", state), ("code_challenge", Challenge(verifier)),
            ("code_challenge_method", "S256"),
        }.Select(p => p.Item1 + "=" + PercentEncoding.Encode(p.Item2)));
        return new Uri(authorizeEndpoint + "?" + query);
    }

    private static bool IsUnreserved(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~';

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
