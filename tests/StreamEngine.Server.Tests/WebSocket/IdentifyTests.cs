using System.Net.WebSockets;
using System.Text.Json.Nodes;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class IdentifyTests
{
    private const string Password = "supersecretpassword";

    [Fact]
    public async Task Without_a_password_hello_has_no_challenge_and_identify_succeeds()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.ConnectAsync();

        var hello = await client.ReceiveAsync();
        Assert.Equal(0, (int)hello["op"]!);
        Assert.Equal(1, (int)hello["d"]!["rpcVersion"]!);
        Assert.False(string.IsNullOrEmpty((string?)hello["d"]!["engineVersion"]));
        Assert.Null(hello["d"]!["authentication"]);

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = new JsonObject { ["rpcVersion"] = 1 } });
        var identified = await client.ReceiveAsync();
        Assert.Equal(2, (int)identified["op"]!);
        Assert.Equal(1, (int)identified["d"]!["negotiatedRpcVersion"]!);
    }

    [Fact]
    public async Task With_a_password_the_v5_authentication_string_identifies()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = Password });
        await using var client = await server.ConnectAsync();

        await client.IdentifyAsync(Password);
        var response = await client.RequestAsync("GetShowInfo");

        Assert.True((bool)response["requestStatus"]!["result"]!);
        Assert.Equal(1280, (int)response["responseData"]!["width"]!);
    }

    [Fact]
    public async Task Each_connection_gets_its_own_salt_and_challenge()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = Password });
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();

        var a = (await first.ReceiveAsync())["d"]!["authentication"]!;
        var b = (await second.ReceiveAsync())["d"]!["authentication"]!;

        Assert.NotEqual((string)a["challenge"]!, (string)b["challenge"]!);
        Assert.NotEqual((string)a["salt"]!, (string)b["salt"]!);
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_authentication_closes_with_4009(string? password)
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = Password });
        await using var client = await server.ConnectAsync();
        var hello = await client.ReceiveAsync();
        var challenge = hello["d"]!["authentication"]!;
        var d = new JsonObject { ["rpcVersion"] = 1 };
        if (password is not null) d["authentication"] = ProtocolClient.AuthenticationString(password, (string)challenge["salt"]!, (string)challenge["challenge"]!);

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = d });

        Assert.Equal(4009, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task The_password_is_never_logged_nor_sent()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = Password });
        await using (var client = await server.ConnectAsync())
        {
            var hello = await client.ReceiveAsync();
            Assert.DoesNotContain(Password, hello.ToJsonString());
            await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = new JsonObject { ["rpcVersion"] = 1, ["authentication"] = Password } });
            Assert.Equal(4009, await client.ReceiveCloseAsync());
        }
        await using (var client = await server.IdentifiedClientAsync(password: Password))
        {
            await client.RequestAsync("GetVersion");
        }

        Assert.NotEmpty(server.Logs.Lines);
        Assert.DoesNotContain(server.Logs.Lines, line => line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public void The_worked_example_in_the_protocol_document_is_right()
    {
        const string salt = "lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=";
        const string challenge = "+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=";

        Assert.Equal("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4=", ShowAuthentication.Compute(Password, salt, challenge));
        Assert.Equal("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4=", ProtocolClient.AuthenticationString(Password, salt, challenge));
    }

    [Fact]
    public async Task Reidentify_changes_the_subscriptions()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync(eventSubscriptions: (int)EventSubscription.Outputs);

        await client.SendAsync(new JsonObject { ["op"] = 3, ["d"] = new JsonObject { ["eventSubscriptions"] = (int)EventSubscription.Layers } });
        Assert.Equal(1, (int)(await client.NextAsync(2))["negotiatedRpcVersion"]!);
        await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = "title", ["type"] = "overlay.text" } });

        Assert.Equal("LayerCreated", (string)(await client.NextEventAsync())["eventType"]!);
    }

    [Fact]
    public async Task A_browser_page_from_another_site_cannot_connect_even_with_a_password()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = "pw" });

        await Assert.ThrowsAsync<WebSocketException>(() => ProtocolClient.ConnectAsync(server.Uri, origin: "https://evil.example"));
        await using var ownPage = await ProtocolClient.ConnectAsync(server.Uri, origin: $"http://localhost:{server.Uri.Port}");
        await ownPage.IdentifyAsync("pw");
    }

    [Fact]
    public async Task A_client_that_never_identifies_is_closed_with_4007()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { IdentifyTimeout = TimeSpan.FromMilliseconds(300) });
        await using var client = await server.ConnectAsync();
        await client.ReceiveAsync(); // Hello; then silence

        Assert.Equal(4007, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_client_beyond_the_most_allowed_is_refused_and_the_others_keep_working()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { MaxClients = 2 });
        await using var first = await server.IdentifiedClientAsync();
        await using var second = await server.IdentifiedClientAsync();

        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => server.ConnectAsync());
        Assert.Contains("503", refused.Message);
        Assert.Equal(100, (int)(await first.RequestAsync("GetVersion"))["requestStatus"]!["code"]!); // 100: success
    }
}
