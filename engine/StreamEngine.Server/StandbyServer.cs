using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamEngine.Server;

/// <summary>
/// What a standby engine answers while another engine runs the show: on the health port, live (200) but not ready
/// (503, so a load balancer or Kubernetes Service sends the dashboard to the active engine), both saying
/// <c>"role": "standby"</c> and who is active; on the REST port, <c>/api/show</c> with the role and 503 problem details for
/// everything else; on the metrics port, <c>streamengine_failover_active 0</c>. It stops when this engine takes over.
/// </summary>
public sealed class StandbyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandbyServer(WebApplication app) => _app = app;

    /// <param name="active">Who holds the show now (instance and fencing token), as last seen.</param>
    public static async Task<StandbyServer> StartAsync(ControlServerOptions options, string show, string instance, Func<string?> active,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.BindAddress);
            foreach (var port in new[] { options.Port, options.MetricsPort, options.HealthPort }) kestrel.Listen(address, port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        object Role(string status) => new { status, role = "standby", show, instance, active = active() };
        app.MapGet("/health/live", () => Results.Ok(Role("ok"))).RequireHost($"*:{options.HealthPort}");
        app.MapGet("/health/ready", () => Results.Json(Role("standby"), statusCode: StatusCodes.Status503ServiceUnavailable)).RequireHost($"*:{options.HealthPort}");
        app.MapGet("/api/show", () => Results.Ok(Role("standby"))).RequireHost($"*:{options.Port}");
        app.MapGet("/metrics", () => Results.Text(
            "# HELP streamengine_failover_active 1 while this engine runs the show, 0 while it is the standby.\n# TYPE streamengine_failover_active gauge\nstreamengine_failover_active 0\n",
            "text/plain; version=0.0.4")).RequireHost($"*:{options.MetricsPort}");
        app.Map("/{**path}", () => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Standby",
            detail: $"this engine is the standby of show '{show}'; the active engine is {active() ?? "being chosen"}: send changes to it"));
        await app.StartAsync(cancellationToken);
        loggers.CreateLogger<StandbyServer>().LogInformation("Standby answers on {Address}: REST {Port}, metrics {MetricsPort}, health {HealthPort}",
            options.BindAddress, options.Port, options.MetricsPort, options.HealthPort);
        return new StandbyServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
