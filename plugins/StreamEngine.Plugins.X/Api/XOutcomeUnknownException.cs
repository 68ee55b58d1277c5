namespace StreamEngine.Plugins.X.Api;

/// <summary>A request that is not safe to repeat got no clear answer (timeout, dropped connection, 5xx): X may or
/// may not have acted on it, so the caller must check before sending it again.</summary>
public sealed class XOutcomeUnknownException(string endpoint, string why)
    : Exception($"No clear answer from X to {endpoint} ({why}); it may or may not have been applied.")
{
    public string Endpoint { get; } = endpoint;
}
