using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>
/// A real Kestrel server on a free loopback port serving the protocol for a <see cref="FakeShow"/>: at <c>/</c> as the
/// engine maps it, and at <c>/remote</c> as if every client were on another machine.
/// </summary>
internal sealed class ProtocolServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggers;

    private ProtocolServer(WebApplication app, ILoggerFactory loggers, ShowWebSocketHandler handler, FakeShow show, LogCapture logs, Uri uri)
    {
        _app = app;
        _loggers = loggers;
        Handler = handler;
        Show = show;
        Logs = logs;
        Uri = uri;
    }

    public ShowWebSocketHandler Handler { get; }

    public FakeShow Show { get; }

    public LogCapture Logs { get; }

    public Uri Uri { get; }

    public Uri RemoteUri => new(Uri, "remote");

    public static async Task<ProtocolServer> StartAsync(ShowWebSocketOptions? options = null)
    {
        var logs = new LogCapture();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var show = new FakeShow();
        var handler = new ShowWebSocketHandler(show, options ?? new ShowWebSocketOptions(), loggers.CreateLogger<ShowWebSocketHandler>());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapShowWebSocket(handler, "/");
        app.Map("/remote", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await handler.HandleAsync(socket, isLoopback: false, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProtocolServer(app, loggers, handler, show, logs, new Uri(address.Replace("http://", "ws://") + "/"));
    }

    public Task<ProtocolClient> ConnectAsync() => ProtocolClient.ConnectAsync(Uri);

    public async Task<ProtocolClient> IdentifiedClientAsync(int? eventSubscriptions = null, string? password = null)
    {
        var client = await ConnectAsync();
        await client.IdentifyAsync(password, eventSubscriptions);
        return client;
    }

    /// <summary>Stops the server as the engine does on shutdown; connected clients are told.</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        Handler.Dispose();
        _loggers.Dispose();
    }
}
