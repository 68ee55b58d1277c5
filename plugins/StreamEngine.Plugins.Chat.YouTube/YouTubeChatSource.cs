using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Resilience;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.YouTube;

/// <summary>
/// A YouTube live chat, read by polling <c>liveChatMessages.list</c>: each request continues from the previous page's
/// <c>nextPageToken</c> and waits the <c>pollingIntervalMillis</c> the API asked for. An error (quota used up, a
/// malformed body, no connection) is reported with its reason and the source polls again after 2 s, 3 s, 4.5 s …
/// (at most 60 s), keeping its place; deleted messages and banned authors leave the show.
/// </summary>
internal sealed class YouTubeChatSource(ChatSourceContext context, YouTubeSettings settings) : IChatSource
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly BackgroundRun _run = new();
    private string? _pageToken;

    public bool CanSend => false;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        context.Sink.Report(ChatConnectionState.Connecting);
        _run.Start(RunAsync);
        return Task.CompletedTask;
    }

    /// <summary>Polls until an error ends the run, then polls again after the reconnect policy's wait (<see cref="Reconnection"/>), keeping its place.</summary>
    private async Task RunAsync(CancellationToken stop)
    {
        var reconnect = Reconnection.Pipeline<(string Reason, bool Live)>(TimeProvider.System, end => end.Live,
            (end, wait) => context.Sink.Report(ChatConnectionState.Reconnecting, $"{settings}: {end.Reason}; polling again in {wait.TotalSeconds:0.#} s"));
        try { await reconnect.ExecuteAsync(async _ => await PollUntilErrorAsync(stop), stop); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Polls at the pace the API asks for until a poll fails: why, and whether any poll of this run succeeded.</summary>
    private async Task<(string Reason, bool Live)> PollUntilErrorAsync(CancellationToken stop)
    {
        var live = false;
        while (true)
        {
            try
            {
                var page = await PollAsync(stop);
                if (!live) context.Sink.Report(ChatConnectionState.Live);
                live = true;
                foreach (var message in page.Messages) context.Sink.Post(message);
                foreach (var id in page.Deleted) context.Sink.Retract(id);
                foreach (var author in page.Banned) context.Sink.RetractAuthor(author);
                _pageToken = page.NextPageToken ?? _pageToken;
                await Task.Delay(page.PollAfter ?? DefaultPoll, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested && e is HttpRequestException or FormatException or OperationCanceledException or IOException)
            {
                return (e is OperationCanceledException ? "no answer within 15 s" : Masked(e.Message), live);
            }
        }
    }

    private async Task<LiveChatPage> PollAsync(CancellationToken stop)
    {
        var query = $"liveChat/messages?liveChatId={Uri.EscapeDataString(settings.LiveChatId)}&part=snippet,authorDetails&maxResults=500"
            + (_pageToken is { } token ? "&pageToken=" + Uri.EscapeDataString(token) : "")
            + (settings.ApiKey is { } key ? "&key=" + Uri.EscapeDataString(key) : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, query));
        if (settings.AccessToken is { } bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        var body = await ReadCappedAsync(response, stop);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException(Problem((int)response.StatusCode, body));
        return LiveChatPage.Read(body);
    }

    /// <summary>At most 4 MiB of body: a page of 2000 messages is far less; more is not a chat page.</summary>
    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken stop)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(stop);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, stop)) > 0)
        {
            if (buffer.Length + read > 4 << 20) throw new FormatException("the response body is over 4 MiB");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The API's error as a sentence: <c>{ "error": { "code": 403, "message", "errors": [ { "reason": "quotaExceeded" } ] } }</c>.</summary>
    private static string Problem(int status, string body)
    {
        string? reason = null, message = null;
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            reason = error?["errors"]?[0]?["reason"]?.GetValue<string>();
            message = error?["message"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException) { }
        return reason switch
        {
            "quotaExceeded" or "rateLimitExceeded" => $"YouTube API quota exceeded ({status} {reason}): no more requests are allowed until the quota resets",
            "liveChatEnded" => $"the live chat has ended ({status} {reason})",
            "liveChatNotFound" => $"no live chat with this liveChatId ({status} {reason})",
            _ => $"the YouTube API answered {status}{(reason is null ? "" : " " + reason)}{(message is null ? "" : ": " + message[..Math.Min(message.Length, 200)])}",
        };
    }

    private string Masked(string text)
    {
        foreach (var secret in new[] { settings.ApiKey, settings.AccessToken })
            if (secret is { Length: > 0 }) text = text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
        return text;
    }

    public Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the YouTube source reads the chat only");

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _run.StopAsync(cancellationToken);
        context.Sink.Report(ChatConnectionState.Stopped);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run.Started) await StopAsync(CancellationToken.None);
        _http.Dispose();
        context.Logger.LogDebug("Chat source {Id} disposed", context.Id);
    }
}
