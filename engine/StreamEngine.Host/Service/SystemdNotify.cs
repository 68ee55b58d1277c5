using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Pipeline;

namespace StreamEngine.Host.Service;

/// <summary>
/// Tells systemd (a unit with <c>Type=notify</c> and <c>WatchdogSec=</c>) that the show is up and the frame thread
/// is healthy: READY=1 once the frame clock runs, then WATCHDOG=1 every half watchdog period, but only while the
/// frame thread keeps starting ticks — the same check as /health/live. A stuck frame thread stops the pings, so
/// systemd kills and restarts the engine. Does nothing when NOTIFY_SOCKET is not set (not run by systemd).
/// </summary>
internal sealed class SystemdNotify : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly FrameHeartbeat _heartbeat;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _ready;

    private SystemdNotify(string socketPath, TimeSpan? watchdog, FrameHeartbeat heartbeat, ILogger logger)
    {
        // A path starting with '@' is in Linux's abstract namespace, which .NET spells with a leading NUL.
        _endPoint = new UnixDomainSocketEndPoint(socketPath.StartsWith('@') ? "\0" + socketPath[1..] : socketPath);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _heartbeat = heartbeat;
        _logger = logger;
        _loop = RunAsync(watchdog is { } w ? w / 2 : TimeSpan.FromSeconds(1), watchdog is not null);
    }

    /// <summary>Starts notifying when NOTIFY_SOCKET is set (null otherwise). WATCHDOG_USEC gives the watchdog period.</summary>
    public static SystemdNotify? Start(FrameHeartbeat heartbeat, ILogger logger)
    {
        var socket = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socket)) return null;
        TimeSpan? watchdog = long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec)
            && usec > 0 ? TimeSpan.FromMicroseconds(usec) : null;
        logger.LogInformation("Telling systemd when the show is ready{Watchdog}", watchdog is { } w ? $" and pinging its watchdog every {(w / 2).TotalSeconds:0.#} s while the frame thread ticks" : "");
        return new SystemdNotify(socket, watchdog, heartbeat, logger);
    }

    private async Task RunAsync(TimeSpan every, bool watchdog)
    {
        using var timer = new PeriodicTimer(every < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : every);
        do
        {
            if (!_heartbeat.IsRunning) continue;
            if (!_ready) _ready = Send("READY=1\nSTATUS=streaming");
            if (watchdog && _heartbeat.NotLiveReason() is null) Send("WATCHDOG=1");
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stop.Token); }
        catch (OperationCanceledException) { return false; }
    }

    private bool Send(string message)
    {
        try
        {
            _socket.SendTo(System.Text.Encoding.UTF8.GetBytes(message), _endPoint);
            return true;
        }
        catch (SocketException e)
        {
            // systemd not listening is no reason to stop the show; it restarts us if it really wanted the pings.
            _logger.LogWarning("Could not notify systemd ({Message}): {Reason}", message.Split('\n')[0], e.Message);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Send("STOPPING=1");
        _socket.Dispose();
        _stop.Dispose();
    }
}
