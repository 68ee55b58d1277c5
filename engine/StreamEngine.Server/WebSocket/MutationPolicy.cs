namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Who may change the show. With a password, every identified client has authenticated and may. Without one,
/// only clients on this machine (loopback) may; others can still read (Get* requests) and receive events.
/// </summary>
internal static class MutationPolicy
{
    /// <summary>Requests that only read: everything named Get*, and Sleep.</summary>
    public static bool IsMutating(string requestType) =>
        !requestType.StartsWith("Get", StringComparison.Ordinal) && requestType != "Sleep";

    public static bool MayMutate(bool isLoopback, bool passwordConfigured) => passwordConfigured || isLoopback;

    public const string NotAuthorizedComment =
        "This request changes the show; without a configured password only clients on the engine's machine may send it.";
}
