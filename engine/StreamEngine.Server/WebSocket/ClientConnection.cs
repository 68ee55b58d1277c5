using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// One connected client: reads its messages one at a time and answers them, and sends it the events it subscribed
/// to from a bounded queue. Every way out (client close, protocol error, slow reader, engine stopping) goes through
/// <see cref="CloseAsync"/>, which sends a close frame and gives the client <see cref="ShowWebSocketOptions.CloseTimeout"/>
/// to answer before the connection is dropped.
/// </summary>
internal sealed partial class ClientConnection
{
    private readonly System.Net.WebSockets.WebSocket _socket;
    private readonly ShowWebSocketOptions _options;
    private readonly ShowRequests _requests;
    private readonly ILogger _logger;
    private readonly ShowAuthentication? _authentication;
    private readonly MessageReader _reader;
    private readonly Channel<EventEnvelope> _events;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly RequestRateLimit _rate;
    private readonly TimeProvider _time;
    private int _closing;

    public ClientConnection(
        long id, System.Net.WebSockets.WebSocket socket, bool isLoopback, ShowWebSocketOptions options, ShowRequests requests, ILogger logger,
        TimeProvider time)
    {
        _time = time;
        _rate = new RequestRateLimit(options.RequestsPerSecond, options.RequestBurst, time);
        Id = id;
        _socket = socket;
        _options = options;
        _requests = requests;
        _logger = logger;
        MayMutate = MutationPolicy.MayMutate(isLoopback, options.RequiresAuthentication);
        _authentication = options.RequiresAuthentication ? new ShowAuthentication(options.Password!) : null;
        _reader = new MessageReader(socket, options.MaxMessageBytes);
        _events = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(options.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = false,
        });
    }

    public long Id { get; }

    /// <summary>Asked for obs-websocket's subprotocol: its event names and subscription bits (<see cref="ObsDialect"/>).</summary>
    public bool SpeaksObs { get; init; }

    /// <summary>Asked for <c>obswebsocket.msgpack</c>: messages travel as MessagePack in binary frames both ways.</summary>
    public bool UsesMessagePack { get; init; }

    private bool MayMutate { get; }

    private bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Serves the client until the connection ends; <paramref name="stop"/> closes it with 1001.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var writer = WriteEventsAsync();
        try
        {
            using (stop.Register(static s => ((ClientConnection)s!).CloseInBackground(WebSocketCloseCode.GoingAway, "The engine is stopping."), this))
            using (new Timer(static s => ((ClientConnection)s!).CloseIfNotIdentified(), this, _options.IdentifyTimeout, Timeout.InfiniteTimeSpan))
            {
                await SendAsync(Hello());
                await ReceiveAsync();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            _logger.LogDebug("WebSocket session {Session} ended: {Reason}", Id, e.Message);
        }
        finally
        {
            // From here on nothing may start a close: the session is over.
            if (Interlocked.Exchange(ref _closing, 1) == 0) _socket.Abort();
            _lifetime.Cancel();
            _events.Writer.TryComplete();
            await writer;
            if (Volatile.Read(ref _backgroundClose) is { } close) await close;
            _lifetime.Dispose();
        }
    }

    private void CloseIfNotIdentified()
    {
        if (!_identified) CloseInBackground(WebSocketCloseCode.NotIdentified, $"Send Identify (op 1) within {_options.IdentifyTimeout.TotalSeconds:0.#} s of Hello.");
    }

    private async Task ReceiveAsync()
    {
        while (!IsClosing)
        {
            // A client over its rate was told (status 209); its next message waits in the socket until the rate allows it.
            if (_throttled) await Task.Delay(_rate.Until(), _time, _lifetime.Token);
            var message = await _reader.ReadAsync(_lifetime.Token);
            if (message.Kind == IncomingKind.Close)
            {
                await CloseAsync(WebSocketCloseCode.NormalClosure, "");
                return;
            }
            // The server may have started closing (engine stopping, slow reader) while this message came in.
            if (IsClosing) break;
            switch (message.Kind)
            {
                case IncomingKind.TooBig:
                    await CloseAsync(WebSocketCloseCode.MessageTooBig, $"A message may have at most {_options.MaxMessageBytes} bytes.");
                    break;
                case IncomingKind.Binary when !UsesMessagePack:
                    await CloseAsync(WebSocketCloseCode.MessageDecodeError, "Messages are JSON in text frames; binary frames are not supported.");
                    break;
                default:
                    try
                    {
                        await HandleMessageAsync(message.Kind == IncomingKind.Binary ? MessagePackFrames.ToJson(message.Utf8) : message.Utf8);
                    }
                    catch (ProtocolViolation violation)
                    {
                        await CloseAsync(violation.Code, violation.Message);
                    }
                    break;
            }
        }
        // The server closed: whatever the client still sends (the rest of a huge message, say) is read and dropped.
        await _reader.DiscardUntilCloseAsync(_lifetime.Token);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> utf8)
    {
        await _sendLock.WaitAsync(_lifetime.Token);
        try
        {
            if (IsClosing) return;
            if (UsesMessagePack) await _socket.SendAsync(MessagePackFrames.FromJson(utf8), WebSocketMessageType.Binary, endOfMessage: true, _lifetime.Token);
            else await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame once; never throws. The connection is dropped if the client does not answer in time.</summary>
    private async Task CloseAsync(WebSocketCloseCode code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        try
        {
            _events.Writer.TryComplete();
            if (code != WebSocketCloseCode.NormalClosure) _logger.LogDebug("WebSocket session {Session} closing: {Code} {Reason}", Id, code, reason);
            _lifetime.CancelAfter(_options.CloseTimeout);
            await _sendLock.WaitAsync(_lifetime.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, CloseReason(reason), _lifetime.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e)
        {
            _logger.LogDebug("WebSocket session {Session}: close frame not sent ({Reason}); dropping the connection", Id, e.Message);
            _socket.Abort();
        }
    }

    /// <summary>A close reason has at most 123 bytes of UTF-8.</summary>
    private static string CloseReason(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123) reason = reason[..^1];
        return reason;
    }
}
