using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StreamEngine.Server;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> through ASP.NET Core health checks. Live: the frame thread still ticks
/// (<c>{"status":"ok"}</c>, or 503 <c>{"status":"failing","reason":…}</c>: a supervisor should restart the engine).
/// Ready: every check tagged <see cref="Ready"/>; <c>{"status":"ok"|"degraded"|"failing","checks":{name: what it saw}}</c>,
/// 503 only when failing (degraded: the stream goes on while something retries, such as the state store).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks behind /health/ready.</summary>
    public const string Ready = "ready";
    private const string Live = "live";

    internal static void AddTo(IServiceCollection services, Func<string?>? stuck, Action<IHealthChecksBuilder> readiness)
    {
        var checks = services.AddHealthChecks().AddCheck("frameThread",
            () => stuck?.Invoke() is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy(), tags: [Live]);
        readiness(checks);
    }

    internal static void Map(WebApplication app, string host)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteLiveAsync })
            .RequireHost(host);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteReadyAsync })
            .RequireHost(host);
    }

    private static Task WriteLiveAsync(HttpContext http, HealthReport report)
    {
        var body = new JsonObject { ["status"] = StatusOf(report.Status) };
        if (report.Entries.Values.FirstOrDefault(e => e.Status != HealthStatus.Healthy).Description is { } reason) body["reason"] = reason;
        return WriteAsync(http, body);
    }

    private static Task WriteReadyAsync(HttpContext http, HealthReport report) => WriteAsync(http, new JsonObject
    {
        ["status"] = StatusOf(report.Status),
        ["checks"] = new JsonObject(report.Entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)(e.Value.Description ?? StatusOf(e.Value.Status))))),
    });

    private static string StatusOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "failing",
    };

    private static Task WriteAsync(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString());
    }
}
