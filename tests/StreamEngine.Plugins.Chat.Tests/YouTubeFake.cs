using System.Collections.Concurrent;
using System.Net;
using System.Text;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// A local stand-in for the YouTube Data API's <c>liveChat/messages</c> (HttpListener on loopback): answers with the
/// replies the test queued, in order, then with an empty page; records every request's URL and Authorization header.
/// </summary>
internal sealed class YouTubeFake : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _replies = new();

    public YouTubeFake()
    {
        Port = FreePort.Tcp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/youtube/v3";

    public ConcurrentQueue<(Uri Url, string? Authorization)> Requests { get; } = new();

    public void Reply(int status, string body) => _replies.Enqueue((status, body));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            Requests.Enqueue((context.Request.Url!, context.Request.Headers["Authorization"]));
            var (status, body) = context.Request.Url!.AbsolutePath == "/youtube/v3/liveChat/messages"
                ? _replies.TryDequeue(out var reply) ? reply : (200, """{ "kind": "youtube#liveChatMessageListResponse", "pollingIntervalMillis": 100, "items": [] }""")
                : (404, """{ "error": { "code": 404, "message": "Not Found" } }""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=UTF-8";
            var bytes = Encoding.UTF8.GetBytes(body);
            try { await context.Response.OutputStream.WriteAsync(bytes); context.Response.Close(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
        }
    }

    public void Dispose() => _listener.Close();
}
