using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X;

/// <summary>
/// Which X credentials the environment holds: the four OAuth 1.0a user-context variables (post and read), else the
/// OAuth 2.0 user token <c>x login</c> saved in the data directory with <c>TWITTER_CLIENT_ID</c> set (post and read),
/// else an app-only bearer token (read only). Half-set credentials are refused with the names of the missing variables.
/// </summary>
public sealed record XCredentialsFromEnvironment(OAuth1Credentials? User, string? BearerToken, string? Missing, XLogin? Login = null)
{
    public static readonly string[] UserVariables = ["TWITTER_API_KEY", "TWITTER_API_SECRET", "TWITTER_ACCESS_TOKEN", "TWITTER_ACCESS_TOKEN_SECRET"];
    public const string BearerVariable = "TWITTER_BEARER_TOKEN";

    public bool CanPost => User is not null || Login is not null;
    public bool CanRead => CanPost || BearerToken is not null;

    /// <param name="dataDirectory">where <c>x login</c> keeps its token; null reads the variables alone.</param>
    public static XCredentialsFromEnvironment Read(Func<string, string?> variable, string? dataDirectory = null)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } v ? v.Trim() : null;
        var values = UserVariables.Select(Get).ToArray();
        var bearer = Get(BearerVariable);
        var missing = UserVariables.Where((_, i) => values[i] is null).ToList();
        if (missing.Count == 0) return new(new OAuth1Credentials(values[0]!, values[1]!, values[2], values[3]), bearer, null);
        if (missing.Count == UserVariables.Length && XLogin.Find(variable, dataDirectory) is { } login) return new(null, bearer, null, login);
        var why = missing.Count == UserVariables.Length
            ? $"{string.Join(", ", UserVariables)} are not set"
            : $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set (all four are needed)";
        return new(null, bearer, why);
    }

    /// <summary>The one line the plugin logs at start: what it can do, or why it stays off. Never a value.</summary>
    public string Describe() => (User, BearerToken) switch
    {
        ({ }, _) => "OAuth 1.0a user-context credentials found; posting and reading replies are available.",
        _ when Login is not null => "the OAuth 2.0 user token from x login found; posting and reading replies are available.",
        (null, { }) => $"reading only with the app-only bearer token; posting is off because {Missing}.",
        _ => $"X is off: {Missing}. Set them (or {BearerVariable} to only read replies); the show runs without X.",
    };

    public override string ToString() => Describe();
}
