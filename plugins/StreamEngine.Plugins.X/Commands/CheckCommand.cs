using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Commands;

/// <summary>
/// <c>x check</c>: names each of the four <c>TWITTER_*</c> user-context variables that is missing; with all four, asks X
/// (at <c>TWITTER_API_BASE_URL</c>, default https://api.x.com) who they belong to and prints the account and the access
/// level X names, or the exact reason X refused. Never prints a credential.
/// </summary>
public static class CheckCommand
{
    public const string BaseUrlVariable = "TWITTER_API_BASE_URL";

    public static async Task<int> RunAsync(Func<string, string?> variable, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var credentials = XCredentialsFromEnvironment.Read(variable);
        var missing = XCredentialsFromEnvironment.UserVariables.Where(name => string.IsNullOrWhiteSpace(variable(name))).ToList();
        if (credentials.User is not { } user)
        {
            foreach (var name in missing) await errors.WriteLineAsync($"x check: {name} is not set.");
            await errors.WriteLineAsync(credentials.BearerToken is null
                ? "x check: posting and reading need all four; the show runs without X."
                : $"x check: only {XCredentialsFromEnvironment.BearerVariable} is set: replies can be read, nothing can be posted.");
            return 1;
        }
        if (!TryBaseUrl(variable(BaseUrlVariable), out var baseUrl))
        {
            await errors.WriteLineAsync($"x check: {BaseUrlVariable} '{variable(BaseUrlVariable)}' must be an https URL (or http on loopback).");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var client = new XApiClient(http, new OAuth1Authenticator(user, TimeProvider.System), new XApiOptions { BaseUrl = baseUrl, MaxAttempts = 2 }, TimeProvider.System);
        try
        {
            var me = await new XReads(client).MeAsync(ct);
            await output.WriteLineAsync($"x check: the credentials work at {baseUrl}: account @{me.Username} (id {me.Id}), access level {client.AccessLevel ?? "not named by X"}.");
            if (client.AccessLevel is { } level && !level.Contains("write", StringComparison.OrdinalIgnoreCase))
                await output.WriteLineAsync("x check: this access level cannot post: give the app Read and Write permission and generate the access token again.");
            return 0;
        }
        catch (XApiException e)
        {
            await errors.WriteLineAsync($"x check: X refused the credentials at {baseUrl}: {e.Message}");
            return 1;
        }
    }

    internal static bool TryBaseUrl(string? text, out Uri url)
    {
        url = new Uri("https://api.x.com/");
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var given)) return false;
        url = given;
        return given.Scheme == "https" || (given.Scheme == "http" && given.IsLoopback);
    }
}
