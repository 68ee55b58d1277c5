using System.Text.Json.Nodes;
using StreamEngine.Sdk.Testing;

namespace PluginName.Tests;

public sealed class GreeterTests
{
    [Fact]
    public async Task Each_new_chatter_is_greeted_once_and_listed()
    {
        using var show = new BehaviourHarness(new Greeter()).Start();

        show.Chat("ana", "hi!");
        show.Chat("ana", "bid 3");
        show.Chat("bo", "hello");

        Assert.Equal(["Welcome, ana!", "Welcome, bo!"], show.Show.Said.Select(s => s.Text));
        Assert.Equal(2, show.Call("count")!.GetValue<int>());
        var greeted = await show.RequestAsync("GET", "greeted");
        Assert.Equal(200, greeted.Status);
        Assert.Equal("""["ana","bo"]""", greeted.Body!.ToJsonString());
    }

    [Fact]
    public void The_greeted_list_survives_a_reload()
    {
        using var show = new BehaviourHarness(new Greeter(), state: new JsonObject { ["greeted"] = new JsonArray("ana") }).Start();
        show.Chat("ana", "back again");
        Assert.Empty(show.Show.Said);
    }
}
