using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using StreamEngine.Application;

namespace StreamEngine.Server.Tests.WebSocket;

/// <summary>A client that asks for obs-websocket's subprotocol gets it, and obs-websocket's events under its subscription bits.</summary>
public sealed class ObsDialectTests
{
    [Fact]
    public async Task An_obs_client_gets_its_subprotocol_and_only_the_obs_events_it_subscribed_to()
    {
        await using var server = await ProtocolServer.StartAsync();
        using var obs = await ConnectAsync(server.Uri, "obswebsocket.json");
        Assert.Equal("obswebsocket.json", obs.SubProtocol);
        var hello = await ReceiveAsync(obs);
        Assert.Equal(1, (int)hello["d"]!["rpcVersion"]!);
        Assert.NotNull(hello["d"]!["obsWebSocketVersion"]);
        await SendAsync(obs, new JsonObject { ["op"] = 1, ["d"] = new JsonObject { ["rpcVersion"] = 1, ["eventSubscriptions"] = 4 } }); // Scenes
        Assert.Equal(2, (int)(await ReceiveAsync(obs))["op"]!);

        server.Show.Raise(new ShowEvent(EventCategory.Layers, "LayerChanged", new JsonObject { ["layerId"] = "bg" })); // not an obs-websocket event
        server.Show.Raise(new ShowEvent(EventCategory.Layers, "SceneItemEnableStateChanged",
            new JsonObject { ["sceneName"] = "Auction", ["layerId"] = "bg", ["sceneItemEnabled"] = false })); // SceneItems (128): not subscribed
        server.Show.Raise(new ShowEvent(EventCategory.Layers, "CurrentProgramSceneChanged", new JsonObject { ["sceneName"] = "Break", ["transition"] = "cut" }));

        var evt = (await ReceiveAsync(obs))["d"]!;
        Assert.Equal("CurrentProgramSceneChanged", (string)evt["eventType"]!);
        Assert.Equal(4, (int)evt["eventIntent"]!);
        Assert.Equal("Break", (string)evt["eventData"]!["sceneName"]!);
        Assert.Matches("^[0-9a-f-]{36}$", (string)evt["eventData"]!["sceneUuid"]!);
    }

    [Fact]
    public async Task A_show_client_gets_scene_events_as_layer_events_without_a_subprotocol()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync(eventSubscriptions: 1);

        server.Show.Raise(new ShowEvent(EventCategory.Layers, "CurrentProgramSceneChanged", new JsonObject { ["sceneName"] = "Break", ["transition"] = "wipe" }));

        var evt = await client.NextEventAsync();
        Assert.Equal(("CurrentProgramSceneChanged", 1, "wipe"), ((string)evt["eventType"]!, (int)evt["eventIntent"]!, (string)evt["eventData"]!["transition"]!));
    }

    [Fact]
    public async Task An_unsupported_obs_request_is_answered_204_saying_so()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var answer = await client.RequestAsync("SetStudioModeEnabled", new JsonObject { ["studioModeEnabled"] = true });

        Assert.Equal(204, (int)answer["requestStatus"]!["code"]!);
        Assert.Contains("does not support", (string)answer["requestStatus"]!["comment"]!);
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri uri, string subprotocol)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subprotocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(uri, timeout.Token);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }
}
