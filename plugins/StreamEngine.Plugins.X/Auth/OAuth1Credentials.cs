namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// OAuth 1.0a user-context credentials. The secrets never leave this type except as the HMAC key: ToString shows
/// only the consumer key's last four characters so a credential logged by mistake is still useless.
/// </summary>
public sealed class OAuth1Credentials(string consumerKey, string consumerSecret, string? token = null, string? tokenSecret = null)
{
    public string ConsumerKey { get; } = consumerKey;
    internal string ConsumerSecret { get; } = consumerSecret;
    public string? Token { get; } = token;
    internal string? TokenSecret { get; } = tokenSecret;

    /// <summary>RFC 5849 section 3.4.2: both secrets encoded, joined by '&amp;', the second possibly empty.</summary>
    internal string SigningKey => PercentEncoding.Encode(ConsumerSecret) + "&" + PercentEncoding.Encode(TokenSecret ?? "");

    public override string ToString() => $"OAuth1Credentials(consumer …{Tail(ConsumerKey)}, token {(Token is null ? "none" : "set")})";

    private static string Tail(string value) => value.Length <= 4 ? "" : value[^4..];
}
