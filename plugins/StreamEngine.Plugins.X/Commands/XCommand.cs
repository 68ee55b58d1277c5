using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X.Commands;

/// <summary><c>./stream-engine x sign …</c> and <c>./stream-engine x check</c>, added to the engine's command line by the plugin.</summary>
public sealed class XCommand(Func<string, string?> variable) : ICliCommand
{
    private const string Usage = "usage: x sign --method M --url URL … (prints a signature base string and header) | x check (tests the TWITTER_* credentials)"
        + " | x login [--port N] (OAuth 2.0 in a browser, keeps the user token) | x broadcast create|publish|status|end (X's Livestream API)";

    public string Name => "x";

    public string Summary => "X (Twitter): sign a request to compare with X's, check the configured credentials, log in with OAuth 2.0, set up a live broadcast";

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var args = invocation.Arguments;
        switch (args.Count > 0 ? args[0] : null)
        {
            case "sign": return SignCommand.Run([.. args.Skip(1)], invocation.Output, invocation.Errors);
            case "check" when args.Count == 1: return await CheckCommand.RunAsync(variable, invocation.Output, invocation.Errors, cancellationToken);
            case "broadcast": return await BroadcastCommand.RunAsync(variable, [.. args.Skip(1)], invocation.Output, invocation.Errors, invocation.DataDirectory, cancellationToken);
            case "login": return await LoginCommand.RunAsync(variable, [.. args.Skip(1)], invocation.Output, invocation.Errors, invocation.DataDirectory, cancellationToken);
            case "check": await invocation.Errors.WriteLineAsync("x check takes no arguments: it reads the TWITTER_* variables."); return 2;
            default: await invocation.Errors.WriteLineAsync(args.Count == 0 ? Usage : $"x: unknown command '{args[0]}'. {Usage}"); return 2;
        }
    }
}
