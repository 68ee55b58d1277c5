using System.Text.Json.Nodes;
using StreamEngine.Server.WebSocket;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class RequestTests
{
    private static JsonObject TitleLayer => new() { ["id"] = "title", ["type"] = "overlay.text", ["props"] = new JsonObject { ["text"] = "Lot 1" } };

    [Fact]
    public async Task A_request_is_answered_with_its_type_id_status_and_data()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(new JsonObject
        {
            ["op"] = 6,
            ["d"] = new JsonObject { ["requestType"] = "CreateLayer", ["requestId"] = "f819dcf0", ["requestData"] = new JsonObject { ["layer"] = TitleLayer } },
        });
        var response = await client.NextAsync(7);

        Assert.Equal("CreateLayer", (string)response["requestType"]!);
        Assert.Equal("f819dcf0", (string)response["requestId"]!);
        Assert.True((bool)response["requestStatus"]!["result"]!);
        Assert.Equal(100, (int)response["requestStatus"]!["code"]!);
        Assert.Equal("Lot 1", (string)response["responseData"]!["layer"]!["props"]!["text"]!);
        Assert.Equal("title", server.Show.Layer("title")?.Id);
    }

    [Fact]
    public async Task SetLayer_merges_the_patch_and_GetLayer_reads_it_back()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();
        await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = TitleLayer });

        var set = await client.RequestAsync("SetLayer", new JsonObject
        {
            ["layerId"] = "title", ["patch"] = new JsonObject { ["transform"] = new JsonObject { ["x"] = 10 }, ["props"] = new JsonObject { ["text"] = "Sold!" } },
        });
        var layer = (await client.RequestAsync("GetLayer", new JsonObject { ["layerId"] = "title" }))["responseData"]!["layer"]!;

        Assert.Equal(100, (int)set["requestStatus"]!["code"]!);
        Assert.Equal(10, (double)layer["transform"]!["x"]!);
        Assert.Equal("Sold!", (string)layer["props"]!["text"]!);
        Assert.Equal("overlay.text", (string)layer["type"]!);
    }

    [Fact]
    public async Task An_unknown_request_type_is_answered_with_204()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var response = await client.RequestAsync("SetCurrentSceneTransition");

        Assert.False((bool)response["requestStatus"]!["result"]!);
        Assert.Equal(204, (int)response["requestStatus"]!["code"]!);
        Assert.Contains("SetCurrentSceneTransition", (string)response["requestStatus"]!["comment"]!);
    }

    [Fact]
    public async Task A_missing_field_is_answered_with_300_naming_it()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var response = await client.RequestAsync("SetLayer", new JsonObject { ["patch"] = new JsonObject() });

        Assert.Equal(300, (int)response["requestStatus"]!["code"]!);
        Assert.Contains("layerId", (string)response["requestStatus"]!["comment"]!);
    }

    [Fact]
    public async Task A_layer_that_does_not_exist_is_answered_with_600()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var get = await client.RequestAsync("GetLayer", new JsonObject { ["layerId"] = "nope" });
        var set = await client.RequestAsync("SetLayer", new JsonObject { ["layerId"] = "nope", ["patch"] = new JsonObject() });

        Assert.Equal(600, (int)get["requestStatus"]!["code"]!);
        Assert.Equal(600, (int)set["requestStatus"]!["code"]!);
        Assert.Contains("layerId", (string)set["requestStatus"]!["comment"]!);
    }

    [Fact]
    public async Task Show_failures_map_to_status_codes()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();
        await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = TitleLayer });

        var duplicate = await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = TitleLayer });
        var noId = await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["type"] = "overlay.text" } });
        var notALayer = await client.RequestAsync("CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = "x", ["colour"] = "red" } });
        var wrongType = await client.RequestAsync("GetLayer", new JsonObject { ["layerId"] = 7 });

        Assert.Equal(601, (int)duplicate["requestStatus"]!["code"]!);
        Assert.Equal(400, (int)noId["requestStatus"]!["code"]!);
        Assert.Contains("layer.id", (string)noId["requestStatus"]!["comment"]!);
        Assert.Equal(400, (int)notALayer["requestStatus"]!["code"]!);
        Assert.Contains("colour", (string)notALayer["requestStatus"]!["comment"]!);
        Assert.Equal(401, (int)wrongType["requestStatus"]!["code"]!);
    }

    [Fact]
    public async Task Every_documented_request_exists()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var version = await client.RequestAsync("GetVersion");
        var available = version["responseData"]!["availableRequests"]!.AsArray().Select(n => (string)n!).ToList();

        string[] documented =
        [
            "GetVersion", "GetShowInfo", "GetStats", "GetLayerList", "GetLayer", "CreateLayer", "SetLayer", "RemoveLayer",
            "ReorderLayers", "SwitchScene", "StartAnimation", "ControlAnimation", "GetAnimationList", "RaiseShowEvent", "InjectChatMessage", "GetOutputList",
            "AddOutput", "RemoveOutput", "GetPluginList", "ReloadPlugin", "GetScriptList", "ReloadScript", "Sleep",
            "GetSceneList", "GetCurrentProgramScene", "SetCurrentProgramScene", "CreateScene", "SetSceneLayers", "RemoveScene",
            "GetSceneItemList", "GetSceneItemId", "GetSceneItemEnabled", "SetSceneItemEnabled", "GetInputSettings", "SetInputSettings",
            "GetStreamStatus", "StartStream", "StopStream", "GetRecordStatus", "StartRecord", "StopRecord",
            "GetAudio", "SetAudioChannel", "PlaySound",
        ];
        Assert.Equal(documented.Order(StringComparer.Ordinal), available);
    }

    [Fact]
    public async Task Requests_reach_the_show()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var output = await client.RequestAsync("AddOutput", new JsonObject { ["target"] = "rtmp://localhost/live/test" });
        var outputs = await client.RequestAsync("GetOutputList");
        await client.RequestAsync("RaiseShowEvent", new JsonObject { ["eventName"] = "sold" });
        var animation = await client.RequestAsync("StartAnimation", new JsonObject { ["animation"] = new JsonObject { ["layer"] = "title" } });
        var control = await client.RequestAsync("ControlAnimation", new JsonObject { ["animationId"] = "missing", ["action"] = "pause" });
        var stats = await client.RequestAsync("GetStats");
        var plugins = await client.RequestAsync("GetPluginList");

        var outputId = (string)output["responseData"]!["outputId"]!;
        Assert.Equal(outputId, (string)outputs["responseData"]!["outputs"]![0]!["id"]!);
        Assert.Equal(["sold"], server.Show.RaisedShowEvents);
        Assert.StartsWith("animation-", (string)animation["responseData"]!["animationId"]!);
        Assert.Equal(600, (int)control["requestStatus"]!["code"]!);
        Assert.Equal(100, (long)stats["responseData"]!["frames"]!);
        Assert.Equal("layers", (string)plugins["responseData"]!["plugins"]![0]!["id"]!);
    }

    [Fact]
    public async Task Sleep_outside_a_serial_batch_is_answered_with_206()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        var response = await client.RequestAsync("Sleep", new JsonObject { ["sleepMillis"] = 10 });

        Assert.Equal(206, (int)response["requestStatus"]!["code"]!);
    }
}
