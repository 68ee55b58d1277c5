using System.Security.Cryptography;
using System.Text;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 signing exactly per RFC 5849 section 3.4: pure, so the same inputs (nonce and timestamp
/// included) always give the same header, which is what <c>x sign</c> and the tests rely on.
/// </summary>
public static class OAuth1Signer
{
    /// <param name="method">HTTP method, upper-cased in the base string.</param>
    /// <param name="url">Absolute URL; its query parameters are signed too.</param>
    /// <param name="parameters">Decoded form-body (or extra) parameters; JSON bodies are not signed.</param>
    /// <param name="version">oauth_version to send, or null to leave it out (it is optional in RFC 5849).</param>
    public static OAuth1Signature Sign(string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters,
        OAuth1Credentials credentials, string nonce, string timestamp, string? version = "1.0")
    {
        var oauth = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", timestamp),
        };
        if (credentials.Token is { } token) oauth.Add(new("oauth_token", token));
        if (version is not null) oauth.Add(new("oauth_version", version));

        var all = QueryParameters(url).Concat(parameters).Concat(oauth);
        var baseString = BaseString(method, url, all);
        using var hmac = new HMACSHA1(Encoding.ASCII.GetBytes(credentials.SigningKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(baseString)));

        oauth.Add(new("oauth_signature", signature));
        var header = "OAuth " + string.Join(", ", oauth.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{PercentEncoding.Encode(p.Key)}=\"{PercentEncoding.Encode(p.Value)}\""));
        return new OAuth1Signature(baseString, signature, header);
    }

    /// <summary>Section 3.4.1: METHOD &amp; encoded base URI &amp; encoded normalized parameters.</summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var normalized = parameters
            .Select(p => (Key: PercentEncoding.Encode(p.Key), Value: PercentEncoding.Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        return method.ToUpperInvariant() + "&" + PercentEncoding.Encode(BaseUri(url)) + "&"
            + PercentEncoding.Encode(string.Join("&", normalized));
    }

    /// <summary>Section 3.4.1.2: lower-case scheme and host, default port dropped, no query or fragment.</summary>
    public static string BaseUri(Uri url)
    {
        var port = url.IsDefaultPort ? "" : ":" + url.Port;
        return $"{url.Scheme.ToLowerInvariant()}://{url.Host.ToLowerInvariant()}{port}{url.AbsolutePath}";
    }

    /// <summary>Section 3.4.1.3.1: the query split on '&amp;' and '=', each part decoded ('+' is a space in forms).</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri url) => FormParameters(url.Query.TrimStart('?'));

    public static IEnumerable<KeyValuePair<string, string>> FormParameters(string form)
    {
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = at < 0 ? pair : pair[..at];
            var value = at < 0 ? "" : pair[(at + 1)..];
            yield return new(Decode(key), Decode(value));
        }
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
