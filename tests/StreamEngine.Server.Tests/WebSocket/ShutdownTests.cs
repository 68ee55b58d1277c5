namespace StreamEngine.Server.Tests.WebSocket;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_engine_closes_every_connection_with_1001()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var identified = await server.IdentifiedClientAsync();
        await using var fresh = await server.ConnectAsync();
        var closingIdentified = identified.ReceiveCloseAsync();
        var closingFresh = fresh.ReceiveCloseAsync();

        await server.StopAsync();

        Assert.Equal(1001, await closingIdentified);
        Assert.Equal(1001, await closingFresh);
        Assert.Equal(0, server.Handler.ConnectedClients);
    }
}
