using System.Text.Json.Nodes;
using StreamEngine.Application;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>Preview pictures are heavy: only clients that ask for bit 128 get them, and the engine encodes only while one does.</summary>
public sealed class PreviewSubscriptionTests
{
    private static ShowEvent Picture(int frame) =>
        new(EventCategory.Preview, "PreviewFrame", new JsonObject { ["frame"] = frame, ["width"] = 640, ["height"] = 360, ["jpeg"] = "/9j/" });

    [Fact]
    public async Task Only_a_client_that_asks_for_the_preview_gets_its_pictures()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var everything = await server.IdentifiedClientAsync(); // the default: everything but the preview
        await using var watcher = await server.IdentifiedClientAsync((int)(EventSubscription.Preview | EventSubscription.Outputs));

        server.Show.Raise(Picture(7));
        server.Show.Raise(new ShowEvent(EventCategory.Outputs, "OutputStateChanged", new JsonObject { ["outputId"] = "a" }));

        var picture = await watcher.NextEventAsync();
        Assert.Equal("PreviewFrame", (string)picture["eventType"]!);
        Assert.Equal((int)EventSubscription.Preview, (int)picture["eventIntent"]!);
        Assert.Equal(7, (int)picture["eventData"]!["frame"]!);
        // Events arrive in order: had the picture been sent to the default client, it would come first.
        Assert.Equal("OutputStateChanged", (string)(await everything.NextEventAsync())["eventType"]!);
    }

    [Fact]
    public async Task The_engine_is_told_someone_watches_only_while_a_client_subscribes_to_the_preview()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var everything = await server.IdentifiedClientAsync();
        Assert.False(server.Handler.AnyoneWants(EventSubscription.Preview));

        var watcher = await server.IdentifiedClientAsync((int)EventSubscription.Preview);
        Assert.True(server.Handler.AnyoneWants(EventSubscription.Preview));

        await watcher.DisposeAsync();
        await Eventually.TrueAsync(() => !server.Handler.AnyoneWants(EventSubscription.Preview));
    }
}
