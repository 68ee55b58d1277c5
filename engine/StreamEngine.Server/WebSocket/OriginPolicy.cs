namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Browsers let any web page open a WebSocket to localhost. Without a password, loopback clients may change the
/// show, so a page from the internet must not connect: only pages served from loopback or from the configured
/// origins may. With a password, the challenge protects the show and any origin may connect unless origins are
/// listed. Clients that send no Origin (scripts, bots) are not affected.
/// </summary>
internal static class OriginPolicy
{
    public static bool Allows(string? origin, ShowWebSocketOptions options)
    {
        if (string.IsNullOrEmpty(origin)) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        if (options.AllowedOrigins.Count > 0) return options.AllowedOrigins.Any(allowed => SameOrigin(allowed, uri));
        return options.RequiresAuthentication || uri.IsLoopback;
    }

    private static bool SameOrigin(string allowed, Uri origin) =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, origin.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == origin.Port;
}
