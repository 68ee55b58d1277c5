using System.Reflection;

namespace StreamEngine.Server.WebSocket;

/// <summary>The versions the server announces in Hello and GetVersion.</summary>
internal static class ProtocolVersion
{
    /// <summary>Incremented only on breaking changes to the protocol, as in obs-websocket.</summary>
    public const int Rpc = 1;

    public static string Engine { get; } = ReadEngineVersion();

    private static string ReadEngineVersion()
    {
        var version = typeof(ProtocolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ProtocolVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }
}
