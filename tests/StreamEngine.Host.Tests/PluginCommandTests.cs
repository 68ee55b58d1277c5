namespace StreamEngine.Host.Tests;

/// <summary>
/// Commands a plugin adds to the command line (the SDK's <c>ICliCommand</c>): the real CLI runs the X plugin's
/// <c>x sign</c> and <c>x check</c> although the host does not reference the plugin, and an unknown word lists them.
/// </summary>
public sealed class PluginCommandTests
{
    private static readonly (string, string?)[] NoX =
        [("TWITTER_API_KEY", ""), ("TWITTER_API_SECRET", ""), ("TWITTER_ACCESS_TOKEN", ""), ("TWITTER_ACCESS_TOKEN_SECRET", ""), ("TWITTER_BEARER_TOKEN", "")];

    [Fact]
    public async Task X_sign_prints_Xs_published_example_signature_from_the_plugin()
    {
        var run = await Engine.RunAsync(["x", "sign", "--method", "POST", "--url", "https://api.twitter.com/1.1/statuses/update.json",
            "--param", "include_entities=true", "--param", "status=Hello Ladies + Gentlemen, a signed OAuth request!",
            "--consumer-key", "xvz1evFS4wEEPTGEFPHBog", "--consumer-secret", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "--token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "--token-secret", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
            "--nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "--timestamp", "1318622958"], NoX);
        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"", run.AllOutput);
        Assert.DoesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", run.AllOutput);
    }

    [Fact]
    public async Task X_check_without_credentials_names_each_missing_variable_and_fails()
    {
        var run = await Engine.RunAsync(["x", "check"], NoX);
        Assert.Equal(1, run.ExitCode);
        foreach (var name in new[] { "TWITTER_API_KEY", "TWITTER_API_SECRET", "TWITTER_ACCESS_TOKEN", "TWITTER_ACCESS_TOKEN_SECRET" })
            Assert.Contains($"x check: {name} is not set.", run.AllOutput);
    }

    [Fact]
    public async Task An_unknown_command_lists_the_engines_and_the_plugins_commands()
    {
        var run = await Engine.RunAsync(["teleport"], NoX);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'teleport' is not a command", run.AllOutput);
        Assert.Contains("x (plugin)", run.AllOutput);
        Assert.Contains("render", run.AllOutput);
    }
}
