using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StreamEngine.Plugins.X.Auth;

/// <summary>
/// The redirect end of the OAuth 2.0 authorization in a browser: a one-shot HTTP listener on 127.0.0.1 that waits for X
/// to send the browser to <c>/callback?code=…&amp;state=…</c>, answers the browser with a short page and hands the query
/// to the caller. Only loopback is bound, requests are read up to 8 KB, and anything but the callback gets a 404.
/// </summary>
public sealed class LoopbackRedirect : IDisposable
{
    private const int MaxRequest = 8 * 1024;
    private readonly TcpListener _listener;

    /// <param name="port">The port to listen on, or 0 for any free one.</param>
    public LoopbackRedirect(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/callback");
    }

    /// <summary>The redirect URI to register with the app and send in the authorize URL.</summary>
    public Uri Uri { get; }

    /// <summary>Waits for the callback and returns its query parameters; <paramref name="answer"/> turns them into the
    /// page the browser shows (success or the reason it failed).</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitAsync(Func<IReadOnlyDictionary<string, string>, Task<(int Status, string Page)>> answer, CancellationToken ct)
    {
        while (true)
        {
            using var client = await _listener.AcceptTcpClientAsync(ct);
            await using var stream = client.GetStream();
            using var read = CancellationTokenSource.CreateLinkedTokenSource(ct);
            read.CancelAfter(TimeSpan.FromSeconds(10)); // a connection that sends nothing does not hold the login up
            var target = await RequestTargetAsync(stream, read.Token);
            if (target is null || !target.StartsWith("/callback?", StringComparison.Ordinal))
            {
                await WriteAsync(stream, 404, "Not the X authorization callback.", ct);
                continue;
            }
            var query = Query(target[(target.IndexOf('?') + 1)..]);
            var (status, page) = await answer(query);
            await WriteAsync(stream, status, page, ct);
            return query;
        }
    }

    private static async Task<string?> RequestTargetAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxRequest];
        var length = 0;
        try
        {
            while (length < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(length), ct);
                if (n == 0) break;
                length += n;
                if (Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal)) break;
            }
        }
        catch (OperationCanceledException) { return null; }
        var line = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n")[0].Split(' ');
        return line.Length == 3 && line[0] == "GET" ? line[1] : null;
    }

    private static Dictionary<string, string> Query(string query) =>
        OAuth1Signer.FormParameters(query).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    private static async Task WriteAsync(NetworkStream stream, int status, string text, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><meta charset=\"utf-8\"><title>StreamEngine: X</title><p>{WebUtility.HtmlEncode(text)}</p>");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request")}\r\n"
            + $"Content-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n");
        await stream.WriteAsync(head, ct);
        await stream.WriteAsync(body, ct);
    }

    public void Dispose() => _listener.Dispose();
}
