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
        if (XCredentialsFromEnvironment.Read(variable).User is { } user) return new OAuth1Authenticator(user, clock);
        var file = new TokenFile(Commands.LoginCommand.TokenPath(dataDirectory));
        if (file.Load() is { } token && variable(Commands.LoginCommand.ClientIdVariable) is { Length: > 0 } clientId)
        {
            var secret = variable(Commands.LoginCommand.ClientSecretVariable) is { Length: > 0 } s ? s : null;
            return new RefreshingUserAuthenticator(token, new OAuth2Client(http, baseUrl, clientId, secret, clock), file, clock);
        }
        missing = $"{string.Join(", ", XCredentialsFromEnvironment.UserVariables)} (all four), or a token from x login with {Commands.LoginCommand.ClientIdVariable}";
        return null;
    }
}
