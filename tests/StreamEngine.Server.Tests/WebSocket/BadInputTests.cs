using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("{\"op\":6,\"d\":{", 4002)]
    [InlineData("[1,2,3]", 4002)]
    [InlineData("{\"d\":{}}", 4003)]
    [InlineData("{\"op\":6}", 4003)]
    [InlineData("{\"op\":\"six\",\"d\":{}}", 4004)]
    [InlineData("{\"op\":6,\"d\":[]}", 4004)]
    [InlineData("{\"op\":4,\"d\":{}}", 4006)]
    [InlineData("{\"op\":7,\"d\":{}}", 4006)]
    [InlineData("{\"op\":6,\"d\":{\"requestType\":\"GetVersion\"}}", 4003)]
    [InlineData("{\"op\":1,\"d\":{\"rpcVersion\":1}}", 4008)]
    [InlineData("{\"op\":3,\"d\":{\"eventSubscriptions\":-1}}", 4004)]
    [InlineData("{\"op\":8,\"d\":{\"requestId\":\"b\"}}", 4003)]
    [InlineData("{\"op\":6,\"op\":6,\"d\":{}}", 4002)] // a key given twice
    [InlineData("{\"op\":6,\"d\":{\"\\ud800\":1}}", 4002)] // a lone surrogate in a key
    [InlineData("{\"op\":6,\"d\":{\"requestType\":\"InjectChatMessage\",\"requestId\":\"1\",\"requestData\":{\"author\":\"a\",\"text\":\"\\udfff\"}}}", 4002)]
    public async Task A_malformed_message_closes_the_connection_with_its_code(string message, int closeCode)
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendTextAsync(message);

        Assert.Equal(closeCode, await client.ReceiveCloseAsync());
        Assert.False(string.IsNullOrEmpty(client.CloseReason));
    }

    [Fact]
    public async Task Invalid_json_closes_with_4002_and_other_clients_are_still_served()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var bystander = await server.IdentifiedClientAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendTextAsync("this is not json");

        Assert.Equal(4002, await client.ReceiveCloseAsync());
        Assert.Equal(100, (int)(await bystander.RequestAsync("GetVersion"))["requestStatus"]!["code"]!);
    }

    [Fact]
    public async Task A_binary_frame_closes_with_4002()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendBytesAsync(Encoding.UTF8.GetBytes("{\"op\":6,\"d\":{}}"), WebSocketMessageType.Binary);

        Assert.Equal(4002, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_two_megabyte_message_closes_with_1009_and_other_clients_are_still_served()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var bystander = await server.IdentifiedClientAsync();
        await using var client = await server.IdentifiedClientAsync();
        var huge = new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["requestType"] = "RaiseShowEvent", ["requestId"] = "big", ["requestData"] = new JsonObject { ["eventName"] = new string('x', 2 << 20) } },
        };

        var closing = client.ReceiveCloseAsync();
        await client.SendTextAsync(huge.ToJsonString());

        Assert.Equal(1009, await closing);
        Assert.Empty(server.Show.RaisedShowEvents);
        Assert.Equal(100, (int)(await bystander.RequestAsync("GetVersion"))["requestStatus"]!["code"]!);
    }

    [Fact]
    public async Task A_request_before_identify_closes_with_4007()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.ReceiveAsync();

        await client.SendAsync(new JsonObject
        {
            ["op"] = 6, ["d"] = new JsonObject { ["requestType"] = "CreateLayer", ["requestId"] = "1", ["requestData"] = new JsonObject() },
        });

        Assert.Equal(4007, await client.ReceiveCloseAsync());
        Assert.Empty(server.Show.Layers());
    }

    [Theory]
    [InlineData(2, 4010)]
    [InlineData(null, 4003)]
    public async Task Identify_needs_rpc_version_1(int? rpcVersion, int closeCode)
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.ReceiveAsync();

        var d = new JsonObject();
        if (rpcVersion is not null) d["rpcVersion"] = rpcVersion;
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = d });

        Assert.Equal(closeCode, await client.ReceiveCloseAsync());
    }

    [Fact]
    public void Options_out_of_range_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ShowWebSocketOptions { MaxMessageBytes = 10 }.Validate());

        Assert.Contains("MaxMessageBytes", error.Message);
    }
}
