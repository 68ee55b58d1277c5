using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.X;

/// <summary>
/// The X plugin's entry. It contributes nothing to the show yet (the chat source and replies come next, see
/// docs/x.md); at load it says in one log line whether X credentials are configured and which are missing.
/// </summary>
public sealed class XPlugin : IPluginRegistrar
{
    public void Register(IPluginRegistry registry)
    {
        var credentials = XCredentialsFromEnvironment.Read(Environment.GetEnvironmentVariable);
        var logger = registry.Loggers.CreateLogger("StreamEngine.Plugins.X");
        if (credentials.CanRead) logger.LogInformation("{State}", credentials.Describe());
        else logger.LogWarning("{State}", credentials.Describe());
    }
}
