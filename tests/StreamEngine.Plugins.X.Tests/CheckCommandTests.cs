using StreamEngine.Plugins.X.Commands;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X.Tests;

/// <summary><c>x check</c> through the plugin's command (what <c>./stream-engine x check</c> runs), against the fake X.</summary>
public sealed class CheckCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await new XCommand(name => env.GetValueOrDefault(name)).RunAsync(new CliInvocation(args, output, errors, Path.GetTempPath()), CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    private static Dictionary<string, string> Env(FakeX x, string? tokenSecret = null) => new()
    {
        ["TWITTER_API_KEY"] = "fake-consumer-key", ["TWITTER_API_SECRET"] = "fake-consumer-secret",
        ["TWITTER_ACCESS_TOKEN"] = "1-fake-token", ["TWITTER_ACCESS_TOKEN_SECRET"] = tokenSecret ?? "fake-token-secret",
        ["TWITTER_API_BASE_URL"] = x.BaseUrl.ToString(),
    };

    [Fact]
    public async Task Working_credentials_print_the_account_and_the_access_level_X_names()
    {
        await using var fixture = await XClientFixture.StartAsync();
        var (code, output, errors) = await RunAsync(Env(fixture.X), "check");
        Assert.True(code == 0, errors);
        Assert.Contains("account @auctionhouse (id 42), access level read-write", output);
        Assert.DoesNotContain("fake-token-secret", output + errors);
        Assert.Contains("GET /2/users/me", fixture.X.Requests);
    }

    [Fact]
    public async Task A_refused_secret_is_reported_with_the_variables_to_fix_and_never_printed()
    {
        await using var fixture = await XClientFixture.StartAsync();
        var (code, output, errors) = await RunAsync(Env(fixture.X, tokenSecret: "not-the-secret"), "check");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("X refused the credentials", errors);
        Assert.Contains("TWITTER_ACCESS_TOKEN_SECRET", errors);
        Assert.DoesNotContain("not-the-secret", errors);
    }

    [Fact]
    public async Task Missing_variables_are_named_one_per_line_and_nothing_is_sent()
    {
        var (code, _, errors) = await RunAsync(new() { ["TWITTER_API_KEY"] = "k", ["TWITTER_ACCESS_TOKEN"] = "t" }, "check");
        Assert.Equal(1, code);
        Assert.Equal(["x check: TWITTER_API_SECRET is not set.", "x check: TWITTER_ACCESS_TOKEN_SECRET is not set."],
            errors.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.EndsWith("is not set.")));
    }

    [Theory]
    [InlineData(2, "unknown command 'post'", "post")]
    [InlineData(2, "usage: x sign")]
    [InlineData(2, "--method is required", "sign", "--url", "https://x.example/")]
    public async Task The_x_command_dispatches_sign_and_check_and_explains_anything_else(int expected, string message, params string[] args)
    {
        var (code, _, errors) = await RunAsync([], args);
        Assert.Equal(expected, code);
        Assert.Contains(message, errors);
    }
}
