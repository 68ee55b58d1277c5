using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace StreamEngine.Plugins.Audio;

/// <summary>
/// Where a live input comes from, checked before ffmpeg ever sees it: a network stream (<c>http</c>, <c>https</c>,
/// <c>rtmp</c>, <c>rtmps</c>, <c>rtsp</c>, <c>srt</c>; never <c>file:</c> or ffmpeg's other protocols) on a public
/// address — loopback, private, link-local and reserved addresses only when <c>allowHosts</c> names them, as remote
/// images need REMOTE_ALLOW_HOSTS — or a sound device (<c>pulse:NAME</c>, <c>alsa:NAME</c>).
/// </summary>
internal sealed record InputAddress(string Url, string[] InputArguments)
{
    private static readonly string[] Schemes = ["http", "https", "rtmp", "rtmps", "rtsp", "srt"];

    private static readonly IPNetwork[] Internal = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4", "::/96", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    /// <summary>The input a channel's settings name; throws <see cref="FormatException"/> naming the setting.</summary>
    public static InputAddress From(JsonObject settings)
    {
        var url = settings["url"] is JsonValue u && u.TryGetValue<string>(out var s) ? s : null;
        var device = settings["device"] is JsonValue d && d.TryGetValue<string>(out var n) ? n : null;
        if ((url is null) == (device is null)) throw new FormatException("url: expected a stream URL (http, https, rtmp, rtmps, rtsp, srt), or a device (pulse:NAME, alsa:NAME), one of the two");
        if (device is not null)
        {
            var parts = device.Split(':', 2);
            if (parts is not ["pulse" or "alsa", { Length: > 0 and <= 100 } name] || name.StartsWith('-'))
                throw new FormatException($"device: expected pulse:NAME or alsa:NAME (alsa:default, alsa:hw:1), got '{device}'");
            return new InputAddress(device, ["-f", parts[0], "-i", name]);
        }
        if (url!.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme) || uri.Host.Length == 0)
            throw new FormatException($"url: expected an http, https, rtmp, rtmps, rtsp or srt URL, got '{Shown(url)}'");
        var allowed = (settings["allowHosts"] as JsonArray ?? []).Select(h => h?.GetValue<string>() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        IPAddress[] addresses;
        try { addresses = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? [literal] : Dns.GetHostAddresses(uri.Host); }
        catch (SocketException e) { throw new FormatException($"url: '{uri.Host}' cannot be resolved ({e.Message})"); }
        var inside = addresses.Where(a => IsInternal(a) && !allowed.Contains(uri.Host) && !allowed.Contains(a.ToString())).ToList();
        if (addresses.Length == 0 || inside.Count > 0)
            throw new FormatException($"url: '{uri.Host}' is an internal address (loopback, private, link-local or reserved); list it in allowHosts to take a stream from it");
        string[] reconnect = uri.Scheme is "http" or "https" ? ["-reconnect", "1", "-reconnect_streamed", "1", "-reconnect_delay_max", "5"] : [];
        // ffmpeg may not wander off to another protocol (a playlist naming file: entries, say).
        return new InputAddress(uri.AbsoluteUri, [.. reconnect, "-protocol_whitelist", "http,https,tcp,tls,rtmp,rtmps,rtsp,srt,udp", "-i", uri.AbsoluteUri]);
    }

    /// <summary>The URL without a user's password or what follows its path (stream keys travel in queries), for errors.</summary>
    public static string Shown(string url) => System.Text.RegularExpressions.Regex.Replace(url.Split('?')[0], "//[^/@]*@", "//***@");

    private static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Array.Exists(Internal, n => n.Contains(address));
    }
}
