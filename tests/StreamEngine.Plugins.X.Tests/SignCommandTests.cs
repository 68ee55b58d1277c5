using StreamEngine.Plugins.X.Commands;

namespace StreamEngine.Plugins.X.Tests;

public sealed class SignCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        return (SignCommand.Run(args, output, errors), output.ToString(), errors.ToString());
    }

    [Fact]
    public void PrintsXsExampleBaseStringAndHeaderWithoutTheSecrets()
    {
        var (code, output, _) = Run("--method", "POST", "--url", "https://api.twitter.com/1.1/statuses/update.json",
            "--param", "include_entities=true", "--param", "status=Hello Ladies + Gentlemen, a signed OAuth request!",
            "--consumer-key", "xvz1evFS4wEEPTGEFPHBog", "--consumer-secret", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "--token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "--token-secret", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
            "--nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "--timestamp", "1318622958");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Signature base string:", lines[0]);
        Assert.StartsWith("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key", lines[1]);
        Assert.Contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"", lines[3]);
        Assert.DoesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", output);
        Assert.DoesNotContain("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", output);
    }

    [Theory]
    [InlineData("--nonce is required", "--method", "GET", "--url", "https://x.example/", "--consumer-key", "k", "--consumer-secret", "s", "--timestamp", "1")]
    [InlineData("--url 'ftp://x' is not", "--method", "GET", "--url", "ftp://x", "--consumer-key", "k", "--consumer-secret", "s", "--nonce", "n", "--timestamp", "1")]
    [InlineData("--param 'oops' is not k=v", "--param", "oops")]
    [InlineData("--token and --token-secret go together", "--method", "GET", "--url", "https://x.example/", "--consumer-key", "k", "--consumer-secret", "s", "--nonce", "n", "--timestamp", "1", "--token", "t")]
    public void BadArgumentsExitWithTheReason(string expected, params string[] args)
    {
        var (code, output, errors) = Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, errors);
    }
}
