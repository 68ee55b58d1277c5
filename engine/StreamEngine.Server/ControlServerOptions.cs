namespace StreamEngine.Server;

/// <summary>Where and how the control plane listens. Defaults match the seed: 4200 REST + dashboard, 4201 WebSocket, 4290 metrics, 4291 health.</summary>
public sealed record ControlServerOptions
{
    /// <summary>Address to bind; loopback unless configured otherwise.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 4200;

    public int WsPort { get; init; } = 4201;

    public int MetricsPort { get; init; } = 4290;

    public int HealthPort { get; init; } = 4291;

    /// <summary>Bearer token that REST mutations need; when null, only loopback clients may mutate.</summary>
    public string? ApiToken { get; init; }

    /// <summary>WebSocket clients connected at once; more are refused with 503.</summary>
    public int MaxWsClients { get; init; } = 256;

    /// <summary>WebSocket requests a client may send per second (after a burst of twice as many); more are answered with status 209.</summary>
    public int WsRequestsPerSecond { get; init; } = 100;

    /// <summary>Password for the WebSocket challenge; when null, only loopback clients may mutate.</summary>
    public string? WsPassword { get; init; }

    /// <summary>Host names besides localhost, 127.0.0.1, [::1] and the engine's address that requests may use (ALLOWED_HOSTS).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Browser pages besides the engine's own that may change the show (ALLOWED_ORIGINS).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Largest request body or WebSocket message accepted.</summary>
    public int MaxMessageBytes { get; init; } = 1 << 20;
}
