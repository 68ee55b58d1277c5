using System.Net;
using System.Net.Sockets;

namespace StreamEngine.Core.Resources;

/// <summary>
/// Which servers remote images may come from. By default none on this machine or its networks: loopback, private,
/// link-local (cloud metadata), CGNAT, multicast and reserved addresses are refused, IPv4 and IPv6 alike (IPv4-mapped too).
/// The check is made on the address actually connected to, after DNS and for every redirect, so neither a name that
/// resolves inside nor a redirect to one gets through. A show that needs its LAN lists host names, addresses or CIDRs.
/// </summary>
public sealed class RemoteAccess
{
    private static readonly IPNetwork[] Internal =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    /// <param name="allowed">Host names, IP addresses or CIDRs (<c>192.168.1.0/24</c>) that may be reached although internal.</param>
    public RemoteAccess(IEnumerable<string> allowed)
    {
        foreach (var entry in allowed.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network)) _networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) _networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else _hosts.Add(entry.TrimEnd('.'));
        }
    }

    /// <summary>Only public addresses.</summary>
    public static RemoteAccess PublicOnly { get; } = new([]);

    /// <summary>True when <paramref name="entry"/> is a host name, an IP address or a CIDR (for checking a setting).</summary>
    public static bool IsValidEntry(string entry) =>
        IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _) || Uri.CheckHostName(entry) == UriHostNameType.Dns;

    /// <summary>True for loopback, private, link-local, CGNAT, multicast and reserved addresses.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Array.Exists(Internal, n => n.Contains(address));
    }

    /// <summary>True when <paramref name="address"/>, reached as <paramref name="host"/>, may be connected to.</summary>
    public bool Allows(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !IsInternal(address) || _hosts.Contains(host.TrimEnd('.')) || _networks.Exists(n => n.Contains(address));
    }

    /// <summary>An HTTP handler whose every connection (first request and each redirect) goes through <see cref="Allows"/>.</summary>
    public SocketsHttpHandler Handler(TimeSpan connectTimeout) => new()
    {
        MaxAutomaticRedirections = 5,
        ConnectTimeout = connectTimeout,
        UseProxy = false, // through a proxy, the address connected to would be the proxy's, not the server's
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => Allows(host, a)).ToArray();
        if (allowed.Length == 0)
            throw new RemoteAddressRefusedException($"'{host}' is an internal address (loopback, private, link-local or reserved); remote images are only loaded from public servers unless REMOTE_ALLOW_HOSTS lists it");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection refused because its address is internal and not allowed.</summary>
public sealed class RemoteAddressRefusedException(string message) : IOException(message);
