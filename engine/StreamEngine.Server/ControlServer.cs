using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using StreamEngine.Application;
using StreamEngine.Server.Dashboard;
using StreamEngine.Server.Rest;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server;

/// <summary>
/// The control plane: one Kestrel server listening on four ports — REST and the dashboard (PORT), the WebSocket
/// protocol (WS_PORT), Prometheus metrics (METRICS_PORT) and health (HEALTH_PORT). It never runs on the frame thread:
/// requests queue commands that the frame thread applies.
/// </summary>
/// <param name="stuck">Why the frame thread is stuck (then /health/live fails, so a supervisor restarts the engine), or null.</param>
public sealed class ControlServer(ControlServerOptions options, IShowControl show, EngineMetrics metrics, Action<IHealthChecksBuilder> readiness, ILoggerFactory loggers,
    Func<string?>? stuck = null) : IAsyncDisposable
{
    private readonly BrowserPolicy _browsers = new(options.AllowedHosts, options.AllowedOrigins, [options.Port, options.WsPort]);
    private WebApplication? _app;
    private WebSocket.ShowWebSocketHandler? _webSocket;

    /// <summary>Whether a WebSocket client watches the preview; the engine encodes preview frames only then.</summary>
    public bool PreviewWatched => _webSocket?.AnyoneWants(EventSubscription.Preview) ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        HealthEndpoints.AddTo(builder.Services, stuck, readiness);
        OpenApiDescription.AddTo(builder.Services, options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxMessageBytes;
            var address = IPAddress.Parse(options.BindAddress);
            foreach (var port in new[] { options.Port, options.WsPort, options.MetricsPort, options.HealthPort })
                kestrel.Listen(address, port);
        });
        // Requests still running when the server stops were answered 503 by the show (its clock is stopped): nothing
        // is worth the default 30 s wait.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseStatusCodePages(); // unknown routes and wrong methods answer problem details too (404, 405), not an empty body
        app.UseBrowserGate(_browsers, options.Port);
        app.MapShowApi(show, $"*:{options.Port}");
        app.MapPluginApi(show, $"*:{options.Port}");
        app.MapDashboard(options.WsPort, $"*:{options.Port}");
        app.MapOpenApi("/openapi/{documentName}.json").RequireHost($"*:{options.Port}");
        MapWebSocket(app);
        app.MapMetrics("/metrics", metrics.Registry).RequireHost($"*:{options.MetricsPort}");
        HealthEndpoints.Map(app, $"*:{options.HealthPort}");
        await app.StartAsync(cancellationToken);
        _app = app;
        loggers.CreateLogger<ControlServer>().LogInformation(
            "Control plane on {Address}: REST {Port}, WebSocket {WsPort}, metrics {MetricsPort}, health {HealthPort}{Auth}",
            options.BindAddress, options.Port, options.WsPort, options.MetricsPort, options.HealthPort,
            options.ApiToken is null ? " (no API token: changes only from this machine)" : "");
    }

    private void MapWebSocket(WebApplication app)
    {
        _webSocket = new WebSocket.ShowWebSocketHandler(show,
            new WebSocket.ShowWebSocketOptions { Password = options.WsPassword, MaxMessageBytes = options.MaxMessageBytes, MaxClients = options.MaxWsClients, Browsers = _browsers,
                RequestsPerSecond = options.WsRequestsPerSecond, RequestBurst = Math.Max(200, 2 * options.WsRequestsPerSecond) },
            loggers.CreateLogger<WebSocket.ShowWebSocketHandler>());
        app.MapShowWebSocket(_webSocket, "/").RequireHost($"*:{options.WsPort}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        _webSocket?.Dispose();
        await _app.DisposeAsync();
    }
}
