using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class HostingTests
{
    [Fact]
    public async Task The_handler_from_the_container_serves_the_protocol_and_plain_http_gets_426()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IShowControl, FakeShow>();
        builder.Services.AddShowWebSocket(options => options.MaxMessageBytes = 64 * 1024);
        await using var app = builder.Build();
        app.MapShowWebSocket("/ws");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using (var client = await ProtocolClient.ConnectAsync(new Uri(address.Replace("http://", "ws://") + "/ws")))
        {
            await client.IdentifyAsync();
            Assert.Equal(100, (int)(await client.RequestAsync("GetLayerList"))["requestStatus"]!["code"]!);
        }
        using var http = new HttpClient();
        var plain = await http.GetAsync(address + "/ws");

        Assert.Equal(HttpStatusCode.UpgradeRequired, plain.StatusCode);
        await app.StopAsync();
    }
}
