using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.X.Chat;

/// <summary>Polls the conversation on a timer; a failed poll is reported and retried at the next tick, never thrown
/// into the show. Sending posts a reply through <see cref="Api.XPosts"/>, at most once per text and target.</summary>
public sealed class XChatSource(HttpClient http, ConversationPoller poller, Api.XPosts? posts, Func<CancellationToken, Task<string?>> conversation,
    TimeSpan interval, TimeProvider clock, ChatSourceContext context) : IChatSource
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public bool CanSend => posts is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        context.Sink.Report(ChatConnectionState.Connecting);
        _loop = Task.Run(Loop, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Loop()
    {
        bool failing = false, first = true, live = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (await poller.PollOnceAsync(context.Sink, _stop.Token) < 0)
                {
                    if (first) context.Sink.Report(ChatConnectionState.Connecting, "waiting for the broadcast's announcement post on X");
                    first = false;
                }
                else
                {
                    if (failing || first || !live) context.Sink.Report(ChatConnectionState.Live);
                    failing = first = false;
                    live = true;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                failing = true;
                context.Logger.LogWarning("X chat {Id}: reading replies failed: {Reason}", context.Id, e.Message);
                context.Sink.Report(ChatConnectionState.Reconnecting, e.Message);
            }
            try { await Task.Delay(interval, clock, _stop.Token); } catch (OperationCanceledException) { break; }
        }
    }

    public async Task SendAsync(string text, string? replyTo, CancellationToken cancellationToken)
    {
        if (posts is null) throw new NotSupportedException("X chat is read-only: posting needs the four TWITTER_* user-context variables.");
        var target = replyTo is { } r && r.StartsWith("x:", StringComparison.Ordinal) ? r[2..] : await conversation(cancellationToken)
            ?? throw new InvalidOperationException("Not posting to X yet: the broadcast's announcement post is not there yet.");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(target + "\n" + text)));
        await posts.PostAsync(key, text, target, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
        context.Sink.Report(ChatConnectionState.Stopped);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
        http.Dispose();
    }
}
