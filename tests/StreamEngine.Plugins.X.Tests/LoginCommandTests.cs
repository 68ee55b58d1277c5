using System.Net;
using StreamEngine.Plugins.X.Commands;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>
/// <c>x login</c> as a user runs it: the command prints X's authorize URL and waits on a loopback redirect; an HTTP
/// client stands in for the browser, opens the URL at the fake X, follows X's redirect back to the engine, and the
/// page it lands on says what happened. The token ends up in a file only the engine's user can read, never on screen.
/// </summary>
public sealed class LoginCommandTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("x-login-").FullName;
    private readonly StringWriter _output = new(), _errors = new();
    private XClientFixture _f = null!;

    public async Task InitializeAsync() => _f = await XClientFixture.StartAsync();

    private Task<int> StartLogin(Dictionary<string, string>? env = null, params string[] args)
    {
        env ??= new()
        {
            ["TWITTER_CLIENT_ID"] = FakeX.ClientId, ["TWITTER_API_BASE_URL"] = _f.X.BaseUrl.ToString(),
            ["TWITTER_AUTHORIZE_URL"] = new Uri(_f.X.BaseUrl, "i/oauth2/authorize").ToString(),
        };
        var invocation = new CliInvocation(["login", .. args], TextWriter.Synchronized(_output), TextWriter.Synchronized(_errors), _data);
        return Task.Run(() => new XCommand(name => env.GetValueOrDefault(name)).RunAsync(invocation, CancellationToken.None));
    }

    private async Task<string> PrintedLineAsync(string prefix)
    {
        for (var i = 0; i < 200; i++, await Task.Delay(50))
            if (_output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line) return line.Trim();
        throw new TimeoutException($"x login printed no line starting with {prefix}: {_output}{_errors}");
    }

    [Fact]
    public async Task The_browser_round_trip_saves_a_0600_token_and_names_the_account_without_printing_a_token()
    {
        var login = StartLogin();
        var url = await PrintedLineAsync(_f.X.BaseUrl.ToString());
        Assert.Contains("code_challenge_method=S256", url);

        using var browser = new HttpClient(); // follows X's redirect to 127.0.0.1, as a browser does
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("authorized on X as @auctionhouse", await page.Content.ReadAsStringAsync());
        Assert.Equal("127.0.0.1", page.RequestMessage!.RequestUri!.Host);

        Assert.True(await login == 0, _errors.ToString());
        Assert.Contains("authorized as @auctionhouse (id 42)", _output.ToString());
        var file = LoginCommand.TokenPath(_data);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains("\"access-1\"", File.ReadAllText(file));
        Assert.DoesNotContain("access-1", _output.ToString() + _errors);
        Assert.DoesNotContain("refresh-1", _output.ToString() + _errors);
        Assert.Equal(["authorization_code"], _f.X.TokenGrants);
    }

    [Fact]
    public async Task A_redirect_with_another_state_is_refused_and_nothing_is_saved()
    {
        var login = StartLogin(null, "--port", "0");
        var waiting = await PrintedLineAsync("x login: waiting for X to send the browser to ");
        var callback = waiting.Split(' ').First(w => w.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        using var browser = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(new Uri(callback), "/favicon.ico"))).StatusCode);
        var page = await browser.GetAsync(callback + "?state=forged&code=stolen");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(1, await login);
        Assert.Contains("state", _errors.ToString());
        Assert.False(File.Exists(LoginCommand.TokenPath(_data)));
        Assert.Empty(_f.X.TokenGrants);
    }

    [Fact]
    public async Task Without_a_client_id_it_says_which_variable_is_missing()
    {
        Assert.Equal(1, await StartLogin([]));
        Assert.Contains("TWITTER_CLIENT_ID is not set", _errors.ToString());
    }

    public async Task DisposeAsync()
    {
        await _f.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
