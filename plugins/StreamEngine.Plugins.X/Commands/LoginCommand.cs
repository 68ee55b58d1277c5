using System.Security.Cryptography;
using StreamEngine.Plugins.X.Api;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Commands;

/// <summary>
/// <c>x login [--port N] [--scope "…"] [--timeout SECONDS]</c>: the OAuth 2.0 authorization code flow with PKCE (S256)
/// in a browser. Prints X's authorize URL, waits on a loopback redirect (127.0.0.1), checks the state, exchanges the
/// code, keeps the token in <c>DATA/x/user-token.json</c> (mode 0600, not encrypted) and prints the account. Needs
/// <c>TWITTER_CLIENT_ID</c> (and <c>TWITTER_CLIENT_SECRET</c> for a confidential client). Never prints a token.
/// </summary>
public static class LoginCommand
{
    public const string ClientIdVariable = "TWITTER_CLIENT_ID";
    public const string ClientSecretVariable = "TWITTER_CLIENT_SECRET";
    public const string AuthorizeUrlVariable = "TWITTER_AUTHORIZE_URL";
    public const string DefaultScopes = "tweet.read tweet.write users.read offline.access";

    public static string TokenPath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "x", "user-token.json");

    public static async Task<int> RunAsync(Func<string, string?> variable, IReadOnlyList<string> args, TextWriter output, TextWriter errors,
        string dataDirectory, CancellationToken ct)
    {
        var (port, scopes, timeout) = (0, DefaultScopes, 300.0);
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, out var p) && p is >= 0 and <= 65535: port = p; break;
                case "--scope" when !string.IsNullOrWhiteSpace(value) && value.All(c => c is >= '!' and <= '~' or ' '): scopes = value; break;
                case "--timeout" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is >= 10 and <= 3600: timeout = t; break;
                default: return Fail(errors, 2, $"'{args[i]} {value}' is not an option: --port 0-65535 (0: any free port), --scope \"scopes\", --timeout 10-3600 seconds.");
            }
        }
        if (variable(ClientIdVariable) is not { Length: > 0 } clientId)
            return Fail(errors, 1, $"{ClientIdVariable} is not set: the OAuth 2.0 client id from the app's Keys and tokens page.");
        var secret = variable(ClientSecretVariable) is { Length: > 0 } s ? s : null;
        if (!CheckCommand.TryBaseUrl(variable(CheckCommand.BaseUrlVariable), out var baseUrl))
            return Fail(errors, 2, $"{CheckCommand.BaseUrlVariable} must be an https URL (or http on loopback).");
        var authorize = new Uri("https://x.com/i/oauth2/authorize");
        if (variable(AuthorizeUrlVariable) is { Length: > 0 } a
            && !(Uri.TryCreate(a, UriKind.Absolute, out authorize!) && (authorize.Scheme == "https" || (authorize.Scheme == "http" && authorize.IsLoopback))))
            return Fail(errors, 2, $"{AuthorizeUrlVariable} must be an https URL (or http on loopback).");

        using var redirect = new LoopbackRedirect(port);
        var verifier = Pkce.NewVerifier();
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await output.WriteLineAsync($"x login: open this URL in a browser and allow access:\n{Pkce.AuthorizeUrl(authorize, clientId, redirect.Uri, scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), state, verifier)}");
        await output.WriteLineAsync($"x login: waiting for X to send the browser to {redirect.Uri} (it must be a callback URL of the app; --port sets the port).");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(timeout));
        string? failure = null;
        XUser? me = null;
        var file = new TokenFile(TokenPath(dataDirectory));
        try
        {
            await redirect.WaitAsync(async query =>
            {
                if (query.GetValueOrDefault("state") != state) failure = "the redirect's state is not the one this login sent (a stale or forged redirect); nothing was saved";
                else if (query.TryGetValue("error", out var error)) failure = $"X did not authorize: {error}";
                else if (query.GetValueOrDefault("code") is not { Length: > 0 } code) failure = "the redirect carries no code";
                else
                {
                    try
                    {
                        var token = await new OAuth2Client(http, baseUrl, clientId, secret, TimeProvider.System).ExchangeCodeAsync(code, redirect.Uri, verifier, wait.Token);
                        file.Save(token);
                        var api = new XApiClient(http, new BearerAuthenticator(token.AccessToken, appOnly: false), new XApiOptions { BaseUrl = baseUrl, MaxAttempts = 2 }, TimeProvider.System);
                        me = await new XReads(api).MeAsync(wait.Token);
                    }
                    catch (XApiException e) { failure = e.Message; }
                    catch (HttpRequestException e) { failure = $"X could not be reached at {baseUrl}: {e.Message}"; }
                }
                return failure is null ? (200, $"StreamEngine is authorized on X as @{me!.Username}. You can close this tab.") : (400, "StreamEngine's X login failed: " + failure);
            }, wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail(errors, 1, $"no redirect came back within {timeout} s; run x login again.");
        }
        if (failure is not null) return Fail(errors, 1, failure);
        await output.WriteLineAsync($"x login: authorized as @{me!.Username} (id {me.Id}); the token is saved in {file.Path} (readable only by this user, not encrypted).");
        return 0;
    }

    private static int Fail(TextWriter errors, int code, string message)
    {
        errors.WriteLine("x login: " + message);
        return code;
    }
}
