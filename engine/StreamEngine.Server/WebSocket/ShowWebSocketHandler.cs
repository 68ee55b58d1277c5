using System.Net;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Serves the WebSocket control protocol (docs/protocol.md) to accepted connections, and fans the show's events out
/// to the clients that subscribed to them. One instance per engine; <see cref="HandleAsync"/> once per connection.
/// </summary>
public sealed class ShowWebSocketHandler : IDisposable
{
    private readonly IShowControl _show;
    private readonly ShowWebSocketOptions _options;
    private readonly ILogger<ShowWebSocketHandler> _logger;
    private readonly ShowRequests _requests;
    private readonly TimeProvider _time;
    private readonly Lock _sessionsLock = new();
    private ClientConnection[] _sessions = [];
    private long _nextSessionId;

    public ShowWebSocketHandler(IShowControl show, ShowWebSocketOptions options, ILogger<ShowWebSocketHandler> logger, TimeProvider? time = null)
    {
        options.Validate();
        _show = show;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _requests = new ShowRequests(show, _time, logger);
        _show.Events += OnShowEvent;
    }

    /// <summary>Clients connected right now, identified or not.</summary>
    public int ConnectedClients => Volatile.Read(ref _sessions).Length;

    /// <summary>Whether an identified client subscribed to <paramref name="intent"/> (the preview is encoded only then). Cheap: engine threads ask.</summary>
    public bool AnyoneWants(EventSubscription intent) => Volatile.Read(ref _sessions).Any(s => s.Wants(intent));

    /// <summary>Whether one more client may connect (<see cref="ShowWebSocketOptions.MaxClients"/>).</summary>
    public bool HasRoom()
    {
        var room = ConnectedClients < _options.MaxClients;
        if (!room) _logger.LogWarning("WebSocket connection refused: {Clients} clients are connected, the most allowed", _options.MaxClients);
        return room;
    }

    /// <summary>
    /// Serves one accepted WebSocket until it closes. Never throws. <paramref name="isLoopback"/>: the client is on
    /// this machine (it may change the show when no password is configured). Cancelling <paramref name="stop"/> closes
    /// the connection with 1001 (going away).
    /// </summary>
    public Task HandleAsync(System.Net.WebSockets.WebSocket socket, bool isLoopback, CancellationToken stop) =>
        HandleAsync(socket, isLoopback, subprotocol: null, stop);

    /// <param name="subprotocol">The obs-websocket subprotocol the connection was accepted with (<see cref="ObsDialect"/>), or null.</param>
    public async Task HandleAsync(System.Net.WebSockets.WebSocket socket, bool isLoopback, string? subprotocol, CancellationToken stop)
    {
        var session = new ClientConnection(Interlocked.Increment(ref _nextSessionId), socket, isLoopback, _options, _requests, _logger, _time)
        {
            SpeaksObs = subprotocol is not null, UsesMessagePack = subprotocol == ObsDialect.MessagePackSubprotocol,
        };
        _logger.LogDebug("WebSocket session {Session} connected (loopback: {Loopback})", session.Id, isLoopback);
        Add(session);
        try
        {
            await session.RunAsync(stop);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "WebSocket session {Session} failed", session.Id);
        }
        finally
        {
            Remove(session);
            _logger.LogDebug("WebSocket session {Session} disconnected", session.Id);
        }
    }

    public void Dispose() => _show.Events -= OnShowEvent;

    /// <summary>
    /// Why a browser may not open this connection — its Host does not name the server (421) or its page's origin is
    /// not allowed (403), see <see cref="ShowWebSocketOptions.Browsers"/> — or null when it may.
    /// </summary>
    public (int Status, string Reason)? RefusesBrowser(string? host, string? origin, IPAddress? localAddress, int localPort)
    {
        (int, string)? refusal = !_options.Browsers.AllowsHost(host, localAddress, localPort) ? (421, BrowserPolicy.HostRefused(host ?? ""))
            : !_options.Browsers.AllowsOrigin(origin, localAddress, localPort) ? (403, BrowserPolicy.OriginRefused(origin ?? ""))
            : null;
        if (refusal is { } r) _logger.LogInformation("WebSocket connection refused: {Reason}", r.Item2);
        return refusal;
    }

    /// <summary>Runs on engine threads: only queues, never waits for a client.</summary>
    private void OnShowEvent(ShowEvent showEvent)
    {
        try
        {
            var sessions = Volatile.Read(ref _sessions);
            if (sessions.Length == 0) return;
            var intent = EventSubscriptions.IntentOf(showEvent.Category);
            EventEnvelope? envelope = null, obsEnvelope = null;
            ShowEvent? obsEvent = null;
            var translated = false;
            foreach (var session in sessions)
            {
                if (!session.SpeaksObs)
                {
                    if (session.Wants(intent)) session.Enqueue(envelope ??= new EventEnvelope(showEvent, intent));
                    continue;
                }
                if (!translated) (obsEvent, translated) = (ObsDialect.Translate(showEvent, _requests.SceneItems), true);
                // An obs-websocket event's category holds obs-websocket's intent bit as it is.
                if (obsEvent is not null && session.Wants((EventSubscription)obsEvent.Category))
                    session.Enqueue(obsEnvelope ??= new EventEnvelope(obsEvent, (EventSubscription)obsEvent.Category));
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Show event {EventType} was not sent to WebSocket clients", showEvent.Type);
        }
    }

    private void Add(ClientConnection session)
    {
        lock (_sessionsLock) Volatile.Write(ref _sessions, [.. _sessions, session]);
    }

    private void Remove(ClientConnection session)
    {
        lock (_sessionsLock) Volatile.Write(ref _sessions, _sessions.Where(s => s != session).ToArray());
    }
}
