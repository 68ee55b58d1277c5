using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StreamEngine.Server.Rest;

/// <summary>
/// The REST port's front door, before any endpoint: the Host must name the engine (421), and a request that changes
/// something (POST, PUT, PATCH, DELETE) must come from an allowed Origin when it carries one (403) and be JSON (415).
/// A web page can send a form or a text/plain body anywhere without asking; requiring application/json means the
/// browser must ask first (a CORS preflight, which this server never grants), so a page cannot change the show.
/// </summary>
internal static class BrowserGate
{
    public static IApplicationBuilder UseBrowserGate(this IApplicationBuilder app, BrowserPolicy policy, int port) => app.Use(async (context, next) =>
    {
        if (context.Connection.LocalPort == port && Refusal(context, policy) is { } problem) await problem.ExecuteAsync(context);
        else await next(context);
    });

    private static IResult? Refusal(HttpContext context, BrowserPolicy policy)
    {
        var request = context.Request;
        var (local, port) = (context.Connection.LocalIpAddress, context.Connection.LocalPort);
        if (!policy.AllowsHost(request.Headers.Host.ToString(), local, port))
            return Problems.Result(StatusCodes.Status421MisdirectedRequest, BrowserPolicy.HostRefused(request.Headers.Host.ToString()), "Host");
        if (!Changes(request.Method)) return null;
        var origin = request.Headers.Origin.ToString();
        if (!policy.AllowsOrigin(origin, local, port))
            return Problems.Result(StatusCodes.Status403Forbidden, BrowserPolicy.OriginRefused(origin), "Origin");
        if (!IsJson(request.ContentType))
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{request.ContentType}': a request that changes the show must send 'Content-Type: application/json' (with a body or without)", "Content-Type");
        return null;
    }

    private static bool Changes(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
