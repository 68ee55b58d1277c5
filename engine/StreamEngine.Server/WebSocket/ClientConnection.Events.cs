using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace StreamEngine.Server.WebSocket;

internal sealed partial class ClientConnection
{
    private volatile int _subscriptions;
    private Task? _backgroundClose;

    private EventSubscription Subscriptions
    {
        get => (EventSubscription)_subscriptions;
        set => _subscriptions = (int)value;
    }

    /// <summary>Called on engine threads: must stay cheap and never block.</summary>
    public bool Wants(EventSubscription intent) => _identified && (Subscriptions & intent) != 0 && !IsClosing;

    /// <summary>Called on engine threads: queues the event, or ends the session if its queue is full. Never blocks.</summary>
    public void Enqueue(EventEnvelope envelope)
    {
        if (!_events.Writer.TryWrite(envelope))
            CloseInBackground(WebSocketCloseCode.SessionInvalidated, "Too many events waiting: read faster or subscribe to fewer events.");
    }

    /// <summary>Closes on a thread-pool thread, so that the engine thread that noticed never waits for the network.</summary>
    private void CloseInBackground(WebSocketCloseCode code, string reason)
    {
        if (IsClosing || Volatile.Read(ref _backgroundClose) is not null) return;
        var close = new Task<Task>(() =>
        {
            if (code == WebSocketCloseCode.SessionInvalidated)
                _logger.LogInformation("WebSocket session {Session} is not reading its events; disconnecting it", Id);
            return CloseAsync(code, reason);
        });
        if (Interlocked.CompareExchange(ref _backgroundClose, close.Unwrap(), null) is not null) return;
        close.Start(TaskScheduler.Default);
    }

    private async Task WriteEventsAsync()
    {
        await Task.Yield();
        try
        {
            await foreach (var envelope in _events.Reader.ReadAllAsync(_lifetime.Token))
            {
                if (IsClosing) return;
                ReadOnlyMemory<byte> message;
                try
                {
                    message = envelope.Utf8;
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Show event {EventType} could not be written as JSON; not sent", envelope.Type);
                    continue;
                }
                await SendAsync(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The session is ending; RunAsync reports why.
        }
    }
}
