namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// The credentials that act as the account, in order: the four OAuth 1.0a <c>TWITTER_*</c> variables, else the OAuth 2.0
/// user token that <c>x login</c> saved (refreshed with <c>TWITTER_CLIENT_ID</c>, and <c>TWITTER_CLIENT_SECRET</c> for
/// a confidential client). Null, with the reason, when neither is there.
/// </summary>
public static class UserContext
{
    public static IRequestAuthenticator? From(Func<string, string?> variable, string dataDirectory, HttpClient http, Uri baseUrl, TimeProvider clock, out string? missing)
    {
        missing = null;
        if (From(XCredentialsFromEnvironment.Read(variable, dataDirectory), http, baseUrl, clock) is { } auth) return auth;
        missing = $"{string.Join(", ", XCredentialsFromEnvironment.UserVariables)} (all four), or a token from x login with {Commands.LoginCommand.ClientIdVariable}";
        return null;
    }

    public static IRequestAuthenticator? From(XCredentialsFromEnvironment credentials, HttpClient http, Uri baseUrl, TimeProvider clock)
    {
        if (credentials.User is { } user) return new OAuth1Authenticator(user, clock);
        if (credentials.Login is { } login && login.Token.Load() is { } token)
            return new RefreshingUserAuthenticator(token, new OAuth2Client(http, baseUrl, login.ClientId, login.ClientSecret, clock), login.Token, clock);
        return null;
    }
}
