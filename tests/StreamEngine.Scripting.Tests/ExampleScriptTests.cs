using System.Text.Json.Nodes;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using StreamEngine.TestFixtures;

namespace StreamEngine.Scripting.Tests;

/// <summary>The examples a user copies from scripts/: they run, react to bids as described, and the JS and C# ones agree frame by frame.</summary>
public sealed class ExampleScriptTests
{
    private static readonly (long Frame, string Author, string Text)[] Chat =
    [
        (5, "ana", "bid 2.5 ETH"), (20, "bo", "is the frame included?"), (40, "cy", "2 ETH"), (41, "di", "bid 3 ETH"), (60, "ed", "nice piece"),
    ];

    [Fact]
    public async Task The_javascript_and_csharp_examples_give_the_same_show()
    {
        var js = await PlayAsync("example.js");
        var cs = await PlayAsync("example.csx");
        Assert.Equal(js.Count, cs.Count);
        for (var i = 0; i < js.Count; i++) Assert.True(js[i] == cs[i], $"frame {i} differs:\njs: {js[i]}\ncs: {cs[i]}");

        var last = JsonNode.Parse(js[^1])!.AsArray();
        Assert.Equal("Sold to di for 3 ETH!", Text(last, "top-bid"));
        Assert.Equal("idle", Props(last, "auctioneer")["state"]!.GetValue<string>());
        var talking = JsonNode.Parse(js[41 + 15 * 30 + 2])!.AsArray();
        Assert.Equal("Sold to di for 3 ETH!", Props(talking, "auctioneer")["speech"]!["text"]!.GetValue<string>());
        var popping = JsonNode.Parse(js[43])!.AsArray();
        Assert.Equal("3 ETH", Text(popping, "price-tag-text"));
        Assert.InRange(Layer(popping, "price-tag")["transform"]!["scaleX"]!.GetValue<double>(), 0.2, 0.99);
    }

    /// <summary>Every frame's layers as JSON, with the same chat arriving at the same frames.</summary>
    private static async Task<List<string>> PlayAsync(string example)
    {
        using var rig = new ScriptRig();
        _ = rig.Scene.Enqueue(SceneCommand.AddLayer(new LayerState { Id = "auctioneer", Type = "host", Props = new JsonObject { ["state"] = "idle" } }));
        var status = await rig.Host.AddAsync(Path.Combine(RepoPaths.Root, "scripts", example));
        Assert.Null(status.LastError);
        var frames = new List<string>();
        for (var frame = 0; frame < 41 + 15 * 30 + 90; frame++)
        {
            foreach (var (at, author, text) in Chat.Where(c => c.Frame == frame)) rig.Chat.Post(new ChatPost("api", author, text));
            rig.Step();
            frames.Add(new JsonArray([.. rig.Scene.Layers.Select(l => (JsonNode)LayerJson.ToJson(l.State))]).ToJsonString());
        }
        Assert.Equal(ScriptState.Running, rig.Status(example).State);
        return frames;
    }

    private static JsonObject Layer(JsonArray layers, string id) => layers.OfType<JsonObject>().Single(l => l["id"]!.GetValue<string>() == id);

    private static JsonObject Props(JsonArray layers, string id) => Layer(layers, id)["props"]!.AsObject();

    private static string Text(JsonArray layers, string id) => Props(layers, id)["text"]!.GetValue<string>();
}
