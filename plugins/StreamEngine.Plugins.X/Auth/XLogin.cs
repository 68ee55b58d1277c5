namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// The account as <c>x login</c> left it: the OAuth 2.0 client (<c>TWITTER_CLIENT_ID</c>, and <c>TWITTER_CLIENT_SECRET</c>
/// for a confidential client) that refreshes the user token kept in the data directory.
/// </summary>
public sealed record XLogin(string ClientId, string? ClientSecret, TokenFile Token)
{
    public static XLogin? Find(Func<string, string?> variable, string? dataDirectory)
    {
        if (dataDirectory is null || variable(Commands.LoginCommand.ClientIdVariable) is not { Length: > 0 } clientId) return null;
        var file = new TokenFile(Commands.LoginCommand.TokenPath(dataDirectory));
        if (!File.Exists(file.Path)) return null;
        return new(clientId.Trim(), variable(Commands.LoginCommand.ClientSecretVariable) is { Length: > 0 } s ? s.Trim() : null, file);
    }

    public override string ToString() => $"XLogin({ClientId}, {Token.Path})"; // never the secret
}
