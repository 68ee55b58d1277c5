using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X;

/// <summary>
/// The X plugin's entry: at load it says in one log line whether X credentials are configured and which are missing,
/// and with credentials it adds the <c>x</c> chat source (replies to the broadcast's post, see docs/x.md). It always adds
/// the <c>x</c> command (<c>./stream-engine x sign …</c>, <c>x check</c>, <c>x login</c>, <c>x broadcast …</c>) and the
/// ingest setup for <c>--output x</c> with <c>X_BROADCAST=auto</c>.
/// </summary>
public sealed class XPlugin : IPluginRegistrar
{
    public void Register(IPluginRegistry registry)
    {
        registry.AddCliCommand(new Commands.XCommand(Environment.GetEnvironmentVariable)); // x sign, x check: with or without credentials
        var logger = registry.Loggers.CreateLogger("StreamEngine.Plugins.X");
        var data = Environment.GetEnvironmentVariable("STREAM_ENGINE_DATA") is { Length: > 0 } d ? d : "data";
        var credentials = XCredentialsFromEnvironment.Read(Environment.GetEnvironmentVariable, Path.GetFullPath(data));
        // --output x with X_BROADCAST=auto: it says itself what is missing when the engine asks it for the ingest.
        registry.AddIngestSetup(new XIngestSetup(Environment.GetEnvironmentVariable, Path.GetFullPath(data), logger));
        if (credentials.CanRead) logger.LogInformation("{State}", credentials.Describe());
        else logger.LogWarning("{State}", credentials.Describe());
        if (!credentials.CanRead) return;
        if (!Commands.CheckCommand.TryBaseUrl(Environment.GetEnvironmentVariable(Commands.CheckCommand.BaseUrlVariable), out var baseUrl))
        {
            logger.LogWarning("X is off: {Variable} must be an https URL (or http on loopback); the show runs without X.", Commands.CheckCommand.BaseUrlVariable);
            return;
        }
        registry.AddChatSource(new Chat.XChatSourceType(credentials, TimeProvider.System, Path.GetFullPath(data), baseUrl));
    }
}
