using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StreamEngine.Application;

namespace StreamEngine.Server.WebSocket;

/// <summary>
/// Hosting the protocol: <c>app.MapShowWebSocket(handler).RequireHost("*:4201")</c>, or with the container
/// <c>services.AddShowWebSocket(o => o.Password = …)</c> and <c>app.MapShowWebSocket()</c>.
/// </summary>
public static class ShowWebSocketEndpoints
{
    /// <summary>Registers <see cref="ShowWebSocketHandler"/> as a singleton (it needs an <see cref="IShowControl"/> in the container).</summary>
    public static IServiceCollection AddShowWebSocket(this IServiceCollection services, Action<ShowWebSocketOptions>? configure = null)
    {
        var options = new ShowWebSocketOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<ShowWebSocketHandler>();
        return services;
    }

    /// <summary>Serves the protocol at <paramref name="pattern"/> with the handler from the container.</summary>
    public static IEndpointConventionBuilder MapShowWebSocket(this IEndpointRouteBuilder endpoints, string pattern = "/") =>
        endpoints.MapShowWebSocket(endpoints.ServiceProvider.GetRequiredService<ShowWebSocketHandler>(), pattern);

    /// <summary>
    /// Serves the protocol at <paramref name="pattern"/>. Brings its own WebSocket middleware, so <c>UseWebSockets</c>
    /// is optional. Plain HTTP requests get 426; a Host that does not name the server gets 421 and a browser page from an origin that is not allowed 403.
    /// The caller owns <paramref name="handler"/> and disposes it after the server stopped.
    /// </summary>
    public static IEndpointConventionBuilder MapShowWebSocket(this IEndpointRouteBuilder endpoints, ShowWebSocketHandler handler, string pattern = "/")
    {
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(context => ServeAsync(context, handler));
        return endpoints.Map(pattern, pipeline.Build());
    }

    private static async Task ServeAsync(HttpContext context, ShowWebSocketHandler handler)
    {
        var request = context.Request;
        if (handler.RefusesBrowser(request.Headers.Host.ToString(), request.Headers.Origin.ToString(),
                context.Connection.LocalIpAddress, context.Connection.LocalPort) is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            await context.Response.WriteAsync(refusal.Reason);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            await context.Response.WriteAsync("This port speaks the StreamEngine WebSocket protocol (docs/protocol.md).");
            return;
        }
        if (!handler.HasRoom())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Too many WebSocket clients are connected; try again later.");
            return;
        }
        var remote = context.Connection.RemoteIpAddress;
        // On a dual-stack listener an IPv4 client on this machine shows up as ::ffff:127.0.0.1.
        if (remote is { IsIPv4MappedToIPv6: true }) remote = remote.MapToIPv4();
        var isLoopback = remote is not null && IPAddress.IsLoopback(remote);
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        // obs-websocket clients ask for their JSON subprotocol and give up when the answer does not name it.
        var subprotocol = ObsDialect.Choose(context.WebSockets.WebSocketRequestedProtocols);
        using var socket = await CheckedUpgrade.AcceptAsync(context, subprotocol);
        await handler.HandleAsync(socket, isLoopback, subprotocol, stop.Token);
    }
}
