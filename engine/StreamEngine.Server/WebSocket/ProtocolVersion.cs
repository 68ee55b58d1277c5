using System.Reflection;

namespace StreamEngine.Server.WebSocket;

/// <summary>The versions the server announces in Hello and GetVersion.</summary>
internal static class ProtocolVersion
{
    /// <summary>Incremented only on breaking changes to the protocol, as in obs-websocket.</summary>
    public const int Rpc = 1;

    public static string Engine { get; } = ReadEngineVersion();

    /// <summary>The obs-websocket version whose protocol (the subset in docs/protocol.md) the engine speaks.</summary>
    public const string ObsWebSocket = "5.0.0";

    /// <summary>Some obs-websocket clients check the OBS Studio version before they call anything.</summary>
    public const string ObsStudio = "30.0.0";

    private static string ReadEngineVersion()
    {
        var version = typeof(ProtocolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ProtocolVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }
}
