using System.Text.Json.Nodes;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class MutationPolicyTests
{
    private static JsonObject TitleLayer => new() { ["id"] = "title", ["type"] = "overlay.text" };

    [Fact]
    public async Task Without_a_password_a_client_on_another_machine_can_read_but_not_change_the_show()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var remote = await ProtocolClient.ConnectAsync(server.RemoteUri);
        await remote.IdentifyAsync();

        var read = await remote.RequestAsync("GetLayerList");
        var create = await remote.RequestAsync("CreateLayer", new JsonObject { ["layer"] = TitleLayer });

        Assert.Equal(100, (int)read["requestStatus"]!["code"]!);
        Assert.Equal(208, (int)create["requestStatus"]!["code"]!);
        Assert.Contains("password", (string)create["requestStatus"]!["comment"]!);
        Assert.Empty(server.Show.Layers());
    }

    [Fact]
    public async Task With_a_password_an_authenticated_client_on_another_machine_may_change_the_show()
    {
        await using var server = await ProtocolServer.StartAsync(new ShowWebSocketOptions { Password = "p4ss" });
        await using var remote = await ProtocolClient.ConnectAsync(server.RemoteUri);
        await remote.IdentifyAsync("p4ss");

        var create = await remote.RequestAsync("CreateLayer", new JsonObject { ["layer"] = TitleLayer });

        Assert.Equal(100, (int)create["requestStatus"]!["code"]!);
    }

    [Theory]
    [InlineData("GetLayerList", false)]
    [InlineData("GetVersion", false)]
    [InlineData("Sleep", false)]
    [InlineData("SetLayer", true)]
    [InlineData("RaiseShowEvent", true)]
    [InlineData("AddOutput", true)]
    public void Only_Get_requests_and_Sleep_leave_the_show_unchanged(string requestType, bool mutating)
    {
        Assert.Equal(mutating, MutationPolicy.IsMutating(requestType));
    }
}
