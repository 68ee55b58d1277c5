using StreamEngine.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Host.Config;
using StreamEngine.Sdk;
using StreamEngine.Server;
using StreamEngine.State;

namespace StreamEngine.Host.Show;

/// <summary>The running show's control plane: the controller behind the REST and WebSocket APIs, metrics and health.</summary>
internal sealed class ControlPlane : IAsyncDisposable
{
    private readonly ShowController _controller;
    private readonly EngineMetrics _metrics;
    private PluginMetrics? _pluginMetrics;
    private readonly ControlServer _server;

    private readonly ShowRuntime _session;

    private ControlPlane(ShowRuntime session, ShowController controller, EngineMetrics metrics, ControlServer server)
    {
        _session = session;
        _controller = controller;
        _metrics = metrics;
        _server = server;
    }

    public static async Task<IAsyncDisposable> StartAsync(EngineConfig config, ShowRuntime session, IEncoder encoder, LiveFrameClock clock,
        ILoggerFactory loggers, CancellationToken cancellationToken, ShowPersistence? persistence = null)
    {
        var controller = new ShowController(session, encoder, clock)
        {
            AfterMutation = persistence is null ? null : persistence.SaveNowAsync,
            Recordings = new RecordingsFolder(config.RecordingsDirectory, config.MaxOutputs, new EncoderTargets()),
            EncoderId = config.Encoder,
        };
        controller.StartEvents();
        var writer = persistence?.Writer;
        var metrics = new EngineMetrics(controller, writer is null ? null : () =>
            (writer.Health.Status == StateHealthStatus.Healthy, writer.Counters.SaveFailures + writer.Counters.AppendFailures, writer.Counters.LastSaveLatency));
        session.Stats.Rendered += metrics.ObserveRender;
        session.Scripts.FrameTimed += metrics.ObserveScripts;
        session.Scripts.Show.Outputs = new ScriptOutputs(controller, loggers.CreateLogger("script"));
        var options = new ControlServerOptions
        {
            BindAddress = config.BindAddress, Port = config.Port, WsPort = config.WsPort, MetricsPort = config.MetricsPort,
            HealthPort = config.HealthPort, ApiToken = config.ApiToken?.Value, WsPassword = config.WsPassword?.Value, MaxWsClients = config.MaxWsClients,
            WsRequestsPerSecond = config.WsRequestsPerSecond, AllowedHosts = config.AllowedHosts, AllowedOrigins = config.AllowedOrigins,
        };
        var server = new ControlServer(options, controller, metrics, checks => AddReadiness(checks, session, controller, writer), loggers, session.Stats.Heartbeat.NotLiveReason);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException || e.InnerException is IOException)
        {
            session.Stats.Rendered -= metrics.ObserveRender;
            session.Scripts.FrameTimed -= metrics.ObserveScripts;
            controller.Dispose();
            metrics.Dispose();
            throw new UserInputException("control plane", "PORT", $"cannot listen on {config.BindAddress} ports {config.Port}, {config.WsPort}, {config.MetricsPort}, {config.HealthPort}: {e.Message}");
        }
        if (session.Preview is { } preview) preview.Watched = () => server.PreviewWatched;
        loggers.CreateLogger("dashboard").LogInformation("Dashboard: {Url} (log in with API_TOKEN{Password})", DashboardUrl(config),
            config.WsPassword is null ? "" : " and WS_PASSWORD");
        return new ControlPlane(session, controller, metrics, server) { _pluginMetrics = new PluginMetrics(controller, metrics.Registry) };
    }

    /// <summary>The address to open: a wildcard bind address is reached on this machine as 127.0.0.1.</summary>
    public static string DashboardUrl(EngineConfig config)
    {
        var host = config.BindAddress is "0.0.0.0" or "::" or "[::]" ? "127.0.0.1" : config.BindAddress;
        if (host.Contains(':') && !host.StartsWith('[')) host = $"[{host}]";
        return $"http://{host}:{config.Port}/";
    }

    /// <summary>
    /// Ready while frames reach the encoder (not ready after 2 s without one); degraded (still ready: the show goes on)
    /// while the state store is retrying, or while there is no output at all (the last one was removed: frames are
    /// still made and encoded, so one added again starts at once, but no one sees them meanwhile).
    /// </summary>
    private static void AddReadiness(IHealthChecksBuilder checks, ShowRuntime session, ShowController controller, StateWriter? writer)
    {
        checks.AddCheck("frames", () => session.Stats.Heartbeat.NotReadyReason() is { } frozen
            ? HealthCheckResult.Unhealthy($"{session.Stats.Frames}: {frozen}")
            : HealthCheckResult.Healthy(session.Stats.Frames.ToString()), tags: [HealthEndpoints.Ready]);
        checks.AddCheck("outputs", () => controller.Outputs().Count is var count and > 0
            ? HealthCheckResult.Healthy(count.ToString())
            : HealthCheckResult.Degraded("none: the frames reach no output; POST /api/outputs adds one"), tags: [HealthEndpoints.Ready]);
        // FAILOVER: the role (a standby answers with its own server, so here it is the active one's).
        if (session.Role is not null)
            checks.AddCheck("role", () => HealthCheckResult.Healthy(session.Role ?? "active"), tags: [HealthEndpoints.Ready]);
        if (writer is null) return;
        checks.AddCheck("stateStore", () => writer.Health is { Status: StateHealthStatus.Degraded } store
            ? HealthCheckResult.Degraded($"degraded since {store.Since:O}: {store.Reason}")
            : HealthCheckResult.Healthy("ok"), tags: [HealthEndpoints.Ready]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session.Preview is { } preview) preview.Watched = null;
        await _server.DisposeAsync();
        _session.Stats.Rendered -= _metrics.ObserveRender;
        _session.Scripts.FrameTimed -= _metrics.ObserveScripts;
        _session.Scripts.Show.Outputs = null;
        _metrics.Dispose();
        _pluginMetrics?.Dispose();
        _controller.Dispose();
    }
}
