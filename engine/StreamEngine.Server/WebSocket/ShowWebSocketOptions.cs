namespace StreamEngine.Server.WebSocket;

/// <summary>Settings of the WebSocket control protocol; the defaults are safe for a show on one machine.</summary>
public sealed class ShowWebSocketOptions
{
    /// <summary>
    /// The password clients authenticate with. <c>null</c> or empty: no authentication, and only loopback clients
    /// may send requests that change the show. Never logged and never sent to a client.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Largest message a client may send, in bytes; a larger one closes the connection with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Events waiting to be sent to one client; a client that lets more pile up is disconnected (4011).</summary>
    public int EventQueueCapacity { get; set; } = 1024;

    /// <summary>Clients connected at once; one more is refused with HTTP 503 before the WebSocket is accepted.</summary>
    public int MaxClients { get; set; } = 256;

    /// <summary>How long a client has after Hello to send Identify; a silent one is closed with 4007.</summary>
    public TimeSpan IdentifyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server waits for a client to take a close frame and answer it before dropping the connection.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests in one RequestBatch; a larger batch closes the connection with 4005 before any of it runs.</summary>
    public int MaxBatchRequests { get; set; } = 100;

    /// <summary>Total <c>sleepMillis</c> of the Sleep requests in one batch; more closes the connection with 4005 before any of it runs.</summary>
    public int MaxBatchSleepMillis { get; set; } = 60_000;

    /// <summary>Requests a client may send per second, on average (each request of a batch counts); more are answered with status 209.</summary>
    public double RequestsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may send at once before <see cref="RequestsPerSecond"/> applies; at least <see cref="MaxBatchRequests"/>.</summary>
    public int RequestBurst { get; set; } = 200;

    /// <summary>
    /// Which browser pages may connect: the <c>Host</c> header must name the server and a page's <c>Origin</c> must be
    /// its own or listed (see <see cref="BrowserPolicy"/>); refused upgrades get HTTP 421 or 403. Clients that send no
    /// Origin header (scripts, bots) are not affected. Default: localhost, 127.0.0.1, [::1] and the server's address.
    /// </summary>
    public BrowserPolicy Browsers { get; set; } = new();

    internal bool RequiresAuthentication => !string.IsNullOrEmpty(Password);

    /// <summary>Checks every setting once; the message names the setting and its allowed range.</summary>
    public void Validate()
    {
        if (MaxMessageBytes is < 1024 or > 64 * 1024 * 1024)
            throw new ArgumentException($"WebSocket MaxMessageBytes: {MaxMessageBytes} is outside 1024 … 67108864.");
        if (EventQueueCapacity is < 16 or > 1_000_000)
            throw new ArgumentException($"WebSocket EventQueueCapacity: {EventQueueCapacity} is outside 16 … 1000000.");
        if (MaxClients is < 1 or > 100_000)
            throw new ArgumentException($"WebSocket MaxClients: {MaxClients} is outside 1 … 100000.");
        if (IdentifyTimeout <= TimeSpan.Zero || IdentifyTimeout > TimeSpan.FromMinutes(10))
            throw new ArgumentException($"WebSocket IdentifyTimeout: {IdentifyTimeout} is outside (0, 10 minutes].");
        if (CloseTimeout <= TimeSpan.Zero || CloseTimeout > TimeSpan.FromMinutes(1))
            throw new ArgumentException($"WebSocket CloseTimeout: {CloseTimeout} is outside (0, 1 minute].");
        if (MaxBatchRequests is < 1 or > 10_000)
            throw new ArgumentException($"WebSocket MaxBatchRequests: {MaxBatchRequests} is outside 1 … 10000.");
        if (MaxBatchSleepMillis is < 0 or > 3_600_000)
            throw new ArgumentException($"WebSocket MaxBatchSleepMillis: {MaxBatchSleepMillis} is outside 0 … 3600000.");
        if (!double.IsFinite(RequestsPerSecond) || RequestsPerSecond is < 0.1 or > 100_000)
            throw new ArgumentException($"WebSocket RequestsPerSecond: {RequestsPerSecond} is outside 0.1 … 100000.");
        if (RequestBurst < MaxBatchRequests || RequestBurst > 1_000_000)
            throw new ArgumentException($"WebSocket RequestBurst: {RequestBurst} is outside {MaxBatchRequests} (MaxBatchRequests) … 1000000.");
        ArgumentNullException.ThrowIfNull(Browsers, "WebSocket Browsers");
    }
}
