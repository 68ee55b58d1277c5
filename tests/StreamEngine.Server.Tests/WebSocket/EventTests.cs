using System.Text.Json.Nodes;
using StreamEngine.Application;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class EventTests
{
    [Fact]
    public async Task A_client_subscribed_to_layers_sees_another_clients_SetLayer()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var watcher = await server.IdentifiedClientAsync((int)EventSubscription.Layers);
        await using var operatorClient = await server.IdentifiedClientAsync(eventSubscriptions: 0);
        await operatorClient.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = "title", ["type"] = "overlay.text" } });

        await operatorClient.RequestAsync("SetLayer", new JsonObject { ["layerId"] = "title", ["patch"] = new JsonObject { ["visible"] = false } });

        Assert.Equal("LayerCreated", (string)(await watcher.NextEventAsync())["eventType"]!);
        var changed = await watcher.NextEventAsync();
        Assert.Equal("LayerChanged", (string)changed["eventType"]!);
        Assert.Equal((int)EventSubscription.Layers, (int)changed["eventIntent"]!);
        Assert.Equal("title", (string)changed["eventData"]!["layerId"]!);
        Assert.False((bool)changed["eventData"]!["layer"]!["visible"]!);
    }

    [Fact]
    public async Task A_client_not_subscribed_to_layers_gets_no_layer_events()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var outputsOnly = await server.IdentifiedClientAsync((int)EventSubscription.Outputs);
        await using var operatorClient = await server.IdentifiedClientAsync(eventSubscriptions: 0);

        await operatorClient.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = "title", ["type"] = "overlay.text" } });
        await operatorClient.RequestAsync("SetLayer", new JsonObject { ["layerId"] = "title", ["patch"] = new JsonObject { ["visible"] = false } });
        await operatorClient.RequestAsync("AddOutput", new JsonObject { ["target"] = "rtmp://localhost/live/a" });

        // Events reach a client in the order they were raised: had the layer events been sent, they would come first.
        Assert.Equal("OutputAdded", (string)(await outputsOnly.NextEventAsync())["eventType"]!);
    }

    [Fact]
    public async Task A_client_that_never_reads_is_disconnected_and_the_show_never_waits_for_it()
    {
        var options = new ShowWebSocketOptions { EventQueueCapacity = 64, CloseTimeout = TimeSpan.FromMilliseconds(500) };
        await using var server = await ProtocolServer.StartAsync(options);
        await using var reader = await server.IdentifiedClientAsync((int)EventSubscription.Stats);
        await using var sleeper = await server.IdentifiedClientAsync((int)EventSubscription.Stats);
        var received = -1;
        var reading = Task.Run(async () =>
        {
            while (Volatile.Read(ref received) < 9_999)
                Volatile.Write(ref received, (int)(await reader.NextEventAsync())["eventData"]!["index"]!);
        });

        // Large events fill the sleeper's socket buffers; the loop waits only for the client that reads.
        var padding = new string('x', 2048);
        for (var i = 0; i < 10_000; i++)
        {
            server.Show.Raise(new ShowEvent(EventCategory.Stats, "StatsUpdated", new JsonObject { ["index"] = i, ["padding"] = padding }));
            if (i % 32 == 31) await Eventually.TrueAsync(() => Volatile.Read(ref received) >= i || reading.IsCompleted);
        }
        await reading;
        await Eventually.TrueAsync(() => server.Handler.ConnectedClients == 1);

        Assert.Equal(9_999, received);
        var sleeperClose = await sleeper.ReceiveCloseAsync();
        Assert.True(sleeperClose is null or 4011, $"close code {sleeperClose}");
        server.Show.Raise(new ShowEvent(EventCategory.Stats, "StatsUpdated", new JsonObject { ["index"] = 10_000 }));
        Assert.Equal(10_000, (int)(await reader.NextEventAsync())["eventData"]!["index"]!);
    }

    [Fact]
    public async Task A_client_that_falls_behind_gets_close_code_4011_when_it_reads_again()
    {
        var options = new ShowWebSocketOptions { EventQueueCapacity = 16, CloseTimeout = TimeSpan.FromSeconds(5) };
        await using var server = await ProtocolServer.StartAsync(options);
        await using var client = await server.IdentifiedClientAsync();

        // Small events: the socket keeps taking them, but a burst outruns what the client's sender drains of its queue.
        for (var i = 0; i < 10_000; i++)
            server.Show.Raise(new ShowEvent(EventCategory.Layers, "LayerChanged", new JsonObject { ["index"] = i }));

        Assert.Equal(4011, await client.ReceiveCloseAsync());
        Assert.Contains("events", client.CloseReason);
    }
}
