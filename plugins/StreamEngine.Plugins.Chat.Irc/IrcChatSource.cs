using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamEngine.Resilience;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.Irc;

/// <summary>
/// One IRC channel as a chat source, for Twitch and any IRC network: connects (TLS for ircs://), logs in, joins,
/// answers PING, posts every PRIVMSG, honours Twitch's CLEARCHAT/CLEARMSG (the removed messages leave the show) and
/// RECONNECT, and when the connection drops connects again after 2 s, 3 s, 4.5 s … (×1.5, at most 60 s).
/// </summary>
internal sealed partial class IrcChatSource(ChatSourceContext context, IrcEndpoint endpoint, SendWindow sends) : IChatSource
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(6); // Twitch pings every ~5 minutes
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly BackgroundRun _run = new();
    private StreamWriter? _writer;
    private long _received;

    /// <summary>Twitch lets a logged-in account send; the anonymous login reads only. Any other IRC network lets the nick send.</summary>
    public bool CanSend => !endpoint.Twitch || endpoint.Password is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        context.Sink.Report(ChatConnectionState.Connecting);
        _run.Start(RunAsync);
        return Task.CompletedTask;
    }

    /// <summary>Connects again whenever the connection ends (<see cref="Reconnection"/>), at once when the server asked to.</summary>
    private async Task RunAsync(CancellationToken stop)
    {
        var reconnect = Reconnection.Pipeline<(string Reason, bool Live)>(TimeProvider.System, end => end.Live,
            (end, wait) => context.Sink.Report(ChatConnectionState.Reconnecting, $"{endpoint}: {end.Reason}; connecting again in {wait.TotalSeconds:0.#} s"),
            immediately: end => end.Reason == Reconnect);
        try { await reconnect.ExecuteAsync(async _ => await ConnectionAsync(stop), stop); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>One connection, with a failure to connect or a lost one as its end.</summary>
    private async Task<(string Reason, bool Live)> ConnectionAsync(CancellationToken stop)
    {
        try { return await SessionAsync(stop); }
        catch (Exception e) when (!stop.IsCancellationRequested
            && e is IOException or SocketException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            return (e is OperationCanceledException ? "no answer from the server" : e.Message, false);
        }
    }

    private const string Reconnect = "the server asked to reconnect";

    /// <summary>One connection, until it ends: the reason it ended, and whether it got live.</summary>
    private async Task<(string Reason, bool Live)> SessionAsync(CancellationToken stop)
    {
        using var tcp = new TcpClient { NoDelay = true };
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            connecting.CancelAfter(TimeSpan.FromSeconds(10));
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, connecting.Token);
        }
        Stream stream = tcp.GetStream();
        if (endpoint.Tls)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.Host, RemoteCertificateValidationCallback = Trusted }, stop);
            stream = tls;
        }
        await using var _ = stream;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await LogInAsync(stop);
        var live = false;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stop);
            quiet.CancelAfter(Quiet);
            var text = await reader.ReadLineAsync(quiet.Token);
            if (text is null) return ("the server closed the connection", live);
            if (IrcLine.Parse(text) is not { } line) continue;
            switch (Handle(line, ref live))
            {
                case { } ended: return (ended, live);
            }
        }
    }

    private async Task LogInAsync(CancellationToken stop)
    {
        if (endpoint.Twitch) await WriteAsync("CAP REQ :twitch.tv/tags twitch.tv/commands", stop);
        if (endpoint.Password is { } secret) await WriteAsync("PASS " + secret, stop);
        await WriteAsync("NICK " + endpoint.Nick, stop);
        if (!endpoint.Twitch) await WriteAsync($"USER {endpoint.Nick} 0 * :StreamEngine", stop);
    }

    /// <summary>What the system trusts, or (only when <c>tlsFingerprint</c> is set) exactly the pinned certificate.</summary>
    private bool Trusted(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (endpoint.TlsFingerprint is { } pinned && certificate is not null
            && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));

    public async Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken)
    {
        if (!CanSend) throw new NotSupportedException("this Twitch source logs in anonymously (read-only); set a token and nick to send");
        var tags = endpoint.Twitch && replyTo is { Length: > 0 and <= 64 } && replyTo.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? $"@reply-parent-msg-id={replyTo} " : "";
        foreach (var line in OutgoingLines.Of($"{tags}PRIVMSG {endpoint.Channel} :", text, endpoint.Nick))
        {
            await sends.WaitAsync(cancellationToken);
            await WriteAsync(line, cancellationToken);
        }
    }

    private async Task WriteAsync(string line, CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new IOException($"{endpoint}: not connected");
        await _writing.WaitAsync(cancellationToken);
        try { await writer.WriteLineAsync(line.AsMemory(), cancellationToken); }
        finally { _writing.Release(); }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _run.StopAsync(cancellationToken);
        context.Sink.Report(ChatConnectionState.Stopped);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run.Started) await StopAsync(CancellationToken.None);
    }
}
