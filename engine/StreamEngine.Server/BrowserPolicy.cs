using System.Net;
using Microsoft.AspNetCore.Http;

namespace StreamEngine.Server;

/// <summary>
/// Which browser pages may reach the engine. Any web page can send requests to localhost, so two checks stand at the
/// door of the REST API and the WebSocket: the <c>Host</c> header must name the engine (a page whose own name was
/// re-pointed to 127.0.0.1 — DNS rebinding — sends its own name), and a request that carries an <c>Origin</c> must come
/// from the engine's own pages or an origin the operator listed (no cross-site request forgery). Clients that send no
/// <c>Origin</c> (curl, scripts, bots) are not browsers and only meet the Host check.
/// </summary>
public sealed class BrowserPolicy
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly HashSet<string> _names;
    private readonly bool _anyHost;
    private readonly IReadOnlyList<Uri> _origins;
    private readonly IReadOnlyList<int> _enginePorts;

    /// <param name="allowedHosts">Names besides localhost, 127.0.0.1, [::1] and the address a request came in on that
    /// may appear in <c>Host</c> (ALLOWED_HOSTS); <c>*</c> turns the Host check off (behind a proxy that does it).</param>
    /// <param name="allowedOrigins">Pages from elsewhere that may change the show (<c>scheme://host:port</c>, ALLOWED_ORIGINS).</param>
    /// <param name="enginePorts">Ports whose pages are the engine's own (the dashboard on PORT may open the WebSocket on WS_PORT).</param>
    public BrowserPolicy(IEnumerable<string>? allowedHosts = null, IEnumerable<string>? allowedOrigins = null, IEnumerable<int>? enginePorts = null)
    {
        var hosts = (allowedHosts ?? []).Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
        foreach (var host in hosts.Where(h => h != "*" && Uri.CheckHostName(h.Trim('[', ']')) == UriHostNameType.Unknown))
            throw new ArgumentException($"ALLOWED_HOSTS: '{host}' is not a host name such as studio.example or 192.168.1.20 (no scheme, no port).");
        _anyHost = hosts.Contains("*");
        _names = new HashSet<string>(LoopbackNames.Concat(hosts), StringComparer.OrdinalIgnoreCase);
        _origins = [.. (allowedOrigins ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Select(ParseOrigin)];
        _enginePorts = [.. enginePorts ?? []];
    }

    /// <summary>Whether the <c>Host</c> header names the engine: an allowed name or the address the request came in on, with the port it came in on.</summary>
    public bool AllowsHost(string? host, IPAddress? localAddress, int localPort)
    {
        if (_anyHost || string.IsNullOrEmpty(host)) return true; // HTTP/1.0 clients send none; browsers always do
        var parsed = new HostString(host);
        return NamesEngine(parsed.Host, localAddress) && (parsed.Port ?? 80) == localPort;
    }

    /// <summary>Whether a page from <paramref name="origin"/> may change the show; no Origin: not a browser, allowed.</summary>
    public bool AllowsOrigin(string? origin, IPAddress? localAddress, int localPort)
    {
        if (string.IsNullOrEmpty(origin)) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false; // "null" from sandboxed pages and files
        if (_origins.Any(allowed => SameOrigin(allowed, uri))) return true;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        return NamesEngine(host, localAddress) && (uri.Port == localPort || _enginePorts.Contains(uri.Port));
    }

    /// <summary>The clear words for a refused Host, naming the setting that allows it.</summary>
    public static string HostRefused(string host) =>
        $"Host '{host}' does not name this engine (DNS rebinding?): use localhost, 127.0.0.1 or the engine's address, or add the name to ALLOWED_HOSTS";

    /// <summary>The clear words for a refused Origin, naming the setting that allows it.</summary>
    public static string OriginRefused(string origin) =>
        $"Origin '{origin}' may not change the show: only the engine's own pages and the origins in ALLOWED_ORIGINS may";

    private bool NamesEngine(string host, IPAddress? localAddress)
    {
        if (_names.Contains(host)) return true;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address) || localAddress is null) return false;
        // An address in Host cannot be rebound; it names the engine when it is the address this connection reached.
        if (localAddress.IsIPv4MappedToIPv6) localAddress = localAddress.MapToIPv4();
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.Equals(localAddress);
    }

    private static Uri ParseOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            ? uri
            : throw new ArgumentException($"ALLOWED_ORIGINS: '{origin}' is not an origin such as https://studio.example or http://192.168.1.20:8080.");

    private static bool SameOrigin(Uri allowed, Uri origin) =>
        string.Equals(allowed.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(allowed.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && allowed.Port == origin.Port;
}
