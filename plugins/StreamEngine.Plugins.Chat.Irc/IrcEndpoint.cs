using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>Where and as whom a source connects: server, TLS, channel, nick and the secret (never logged, never in a reason).</summary>
internal sealed partial record IrcEndpoint(string Host, int Port, bool Tls, string Channel, string Nick, string? Password, bool Twitch)
{
    /// <summary>
    /// The SHA-256 of the one server certificate accepted over TLS besides those the system trusts (a self-signed
    /// server on a LAN), as 64 hex digits; null: only the system's trust store (the default).
    /// </summary>
    public string? TlsFingerprint { get; init; }

    [GeneratedRegex(@"^[#&][^\s,\x00-\x1f]{1,49}$")]
    private static partial Regex ChannelName();

    [GeneratedRegex(@"^[A-Za-z\[\]\\`_^{|}][A-Za-z0-9\[\]\\`_^{|}-]{0,29}$")]
    private static partial Regex NickName();

    /// <summary>What the state and logs show: the server and channel, never the secret.</summary>
    public override string ToString() => $"{(Tls ? "ircs" : "irc")}://{Host}:{Port}/{Channel}";

    /// <summary>Reads <c>url</c> (<c>irc://host:port/#channel</c>, <c>ircs://</c> for TLS), <c>channel</c>, <c>nick</c>, <c>password</c> or <c>passwordEnv</c>.</summary>
    public static IrcEndpoint Read(JsonObject settings, bool twitch)
    {
        var url = Text(settings, "url") ?? (twitch ? "ircs://irc.chat.twitch.tv:6697" : throw new FormatException("url: expected irc://host:port/#channel or ircs://host:port/#channel"));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("irc" or "ircs") || uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.UserInfo))
            throw new FormatException($"url: expected irc://host:port/#channel or ircs://host:port/#channel (no credentials in the URL), got '{url}'");
        var tls = uri.Scheme == "ircs";
        var channel = Text(settings, "channel") ?? (uri.Fragment.Length > 1 ? uri.Fragment : uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? "#" + Uri.UnescapeDataString(path) : null)
            ?? throw new FormatException("channel: expected a channel, in the url (irc://host/#channel) or as \"channel\"");
        if (!channel.StartsWith('#') && !channel.StartsWith('&')) channel = "#" + channel;
        if (twitch) channel = channel.ToLowerInvariant();
        if (!ChannelName().IsMatch(channel)) throw new FormatException($"channel: expected '#' and up to 49 characters without spaces or commas, got '{channel}'");
        var password = Secret(settings, twitch ? "token" : "password");
        if (password is not null && password.Any(char.IsControl)) throw new FormatException($"{(twitch ? "token" : "password")}: expected no control characters");
        if (twitch && password is not null && !password.StartsWith("oauth:", StringComparison.Ordinal)) password = "oauth:" + password;
        // Twitch's anonymous read-only login: any justinfan nick without a token.
        var nick = Text(settings, "nick") ?? (twitch && password is null ? "justinfan12345" : twitch ? throw new FormatException("nick: expected the bot account's login name to go with the token") : "streamengine");
        if (!NickName().IsMatch(nick)) throw new FormatException($"nick: expected 1 to 30 letters, digits or []\\`_^{{|}}-, not starting with a digit or '-', got '{nick}'");
        return new IrcEndpoint(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 6697 : 6667) : uri.Port, tls, channel, nick, password, twitch)
        {
            TlsFingerprint = Fingerprint(Text(settings, "tlsFingerprint"), tls),
        };
    }

    /// <summary>A pinned certificate's SHA-256, as 64 hex digits (colons and spaces allowed, as <c>openssl x509 -fingerprint -sha256</c> prints it).</summary>
    private static string? Fingerprint(string? text, bool tls)
    {
        if (text is null) return null;
        if (!tls) throw new FormatException("tlsFingerprint: only for an ircs:// url");
        var hex = new string([.. text.Where(c => c is not (':' or ' '))]).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex
            : throw new FormatException($"tlsFingerprint: expected the server certificate's SHA-256 as 64 hex digits (colons allowed), got '{text}'");
    }

    /// <summary>A secret given inline (<c>token</c>) or, better, by the name of an environment variable holding it (<c>tokenEnv</c>).</summary>
    private static string? Secret(JsonObject settings, string key)
    {
        if (Text(settings, key + "Env") is { } variable)
            return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.Trim()
                : throw new FormatException($"{key}Env: the environment variable '{variable}' is not set");
        return Text(settings, key) is { Length: > 0 } inline ? inline.Trim() : null;
    }

    internal static string? Text(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"{key}: expected a string"),
    };
}
