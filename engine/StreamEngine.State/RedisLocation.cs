using System.Globalization;

namespace StreamEngine.State;

/// <summary>
/// Where a Redis server is, parsed from REDIS_URL (<c>redis://[[user]:password@]host[:port][/db]</c>, or <c>rediss://</c>
/// for TLS) and REDIS_PASSWORD. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record RedisLocation(string Host, int Port, int Database, string? User, string? Password, bool UseTls)
{
    public const int DefaultPort = 6379;
    private const string Expected = "expected redis://[:password@]host:port[/db], e.g. redis://localhost:6379/0";

    /// <summary>
    /// Parses REDIS_URL. A non-empty <paramref name="password"/> (REDIS_PASSWORD) wins over a password in the URL,
    /// so the URL can live in plain configuration and the password in a secret.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is malformed; the message names REDIS_URL and never contains the password.</exception>
    public static RedisLocation Parse(string url, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(url)) throw Malformed(url, "it is empty");
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) throw Malformed(url, "it is not a URL");
        var tls = uri.Scheme switch
        {
            "redis" => false,
            "rediss" => true,
            _ => throw Malformed(url, $"the scheme is '{uri.Scheme}', not redis or rediss"),
        };
        if (string.IsNullOrEmpty(uri.Host)) throw Malformed(url, "the host is missing");
        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
            throw Malformed(url, $"the database '/{path}' is not a number from 0 to 15");

        var (user, urlPassword) = SplitUserInfo(uri.UserInfo);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return new RedisLocation(host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, database, user,
            string.IsNullOrEmpty(password) ? urlPassword : password, tls);
    }

    /// <summary>The address without credentials, e.g. <c>redis://localhost:6379/0</c>.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':') ? $"[{Host}]" : Host;
        return $"{(UseTls ? "rediss" : "redis")}://{host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database.ToString(CultureInfo.InvariantCulture)}";
    }

    private static (string? User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0) return (null, null);
        var colon = userInfo.IndexOf(':');
        if (colon < 0) return (null, Unescape(userInfo)); // redis://secret@host: some providers write a bare password
        var user = Unescape(userInfo[..colon]);
        return (user.Length == 0 ? null : user, Unescape(userInfo[(colon + 1)..]));
    }

    private static string Unescape(string part) => Uri.UnescapeDataString(part);

    private static ArgumentException Malformed(string? url, string why) =>
        new($"REDIS_URL '{Mask(url)}' is not a Redis address: {why}; {Expected}.");

    /// <summary>The URL with anything before the last '@' after the scheme replaced, so a password is never echoed.</summary>
    internal static string Mask(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        var at = url.LastIndexOf('@');
        if (at < 0) return url;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return url[..start] + "***" + url[at..];
    }
}
