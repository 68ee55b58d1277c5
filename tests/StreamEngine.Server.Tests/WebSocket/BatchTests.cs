using System.Text.Json.Nodes;

namespace StreamEngine.Server.Tests.WebSocket;

public sealed class BatchTests
{
    private static JsonObject Request(string id, string type, JsonObject? data = null)
    {
        var request = new JsonObject { ["requestId"] = id, ["requestType"] = type };
        if (data is not null) request["requestData"] = data;
        return request;
    }

    private static JsonObject Create(string id, string layerId) =>
        Request(id, "CreateLayer", new JsonObject { ["layer"] = new JsonObject { ["id"] = layerId, ["type"] = "overlay.text" } });

    private static JsonObject Batch(string id, JsonArray requests, bool haltOnFailure = false, int? executionType = null)
    {
        var d = new JsonObject { ["requestId"] = id, ["haltOnFailure"] = haltOnFailure, ["requests"] = requests };
        if (executionType is not null) d["executionType"] = executionType;
        return new JsonObject { ["op"] = 8, ["d"] = d };
    }

    private static IEnumerable<(string Id, int Code)> Results(JsonObject response) =>
        response["results"]!.AsArray().Select(r => ((string)r!["requestId"]!, (int)r["requestStatus"]!["code"]!));

    [Fact]
    public async Task A_serial_batch_with_haltOnFailure_stops_at_the_first_failure()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch("batch-1", [Create("a", "one"), Request("b", "GetLayer", new JsonObject { ["layerId"] = "missing" }), Create("c", "two")], haltOnFailure: true));
        var response = await client.NextAsync(9);

        Assert.Equal("batch-1", (string)response["requestId"]!);
        Assert.Equal([("a", 100), ("b", 600)], Results(response));
        Assert.Null(server.Show.Layer("two"));
    }

    [Fact]
    public async Task A_serial_batch_without_haltOnFailure_runs_everything_in_order_with_sleeps()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch("batch-2", [
            Create("a", "one"), Request("b", "Sleep", new JsonObject { ["sleepMillis"] = 20 }), Request("c", "GetLayer", new JsonObject { ["layerId"] = "missing" }),
            Request("d", "SetLayer", new JsonObject { ["layerId"] = "one", ["patch"] = new JsonObject { ["visible"] = false } }),
        ]));
        var response = await client.NextAsync(9);

        Assert.Equal([("a", 100), ("b", 100), ("c", 600), ("d", 100)], Results(response));
        Assert.False(server.Show.Layer("one")!.Visible);
    }

    [Fact]
    public async Task A_parallel_batch_runs_every_request_and_answers_in_request_order()
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();
        var requests = new JsonArray(Enumerable.Range(0, 20).Select(i => (JsonNode?)Create($"r{i}", $"layer-{i}")).ToArray());
        requests.Insert(5, Request("bad", "GetLayer", new JsonObject { ["layerId"] = "missing" }));
        requests.Add(Request("sleep", "Sleep", new JsonObject { ["sleepMillis"] = 1 }));

        await client.SendAsync(Batch("batch-3", requests, haltOnFailure: true, executionType: 2));
        var results = Results(await client.NextAsync(9)).ToList();

        Assert.Equal(22, results.Count);
        Assert.Equal(("bad", 600), results[5]);
        Assert.Equal(("sleep", 206), results[21]);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => ($"r{i}", 100)), results.Where(r => r.Id.StartsWith('r')));
        Assert.Equal(20, server.Show.Layers().Count);
    }

    [Theory]
    [InlineData(1, 4012)]
    [InlineData(7, 4005)]
    [InlineData(-1, 4005)]
    public async Task Other_execution_types_close_the_connection(int executionType, int closeCode)
    {
        await using var server = await ProtocolServer.StartAsync();
        await using var client = await server.IdentifiedClientAsync();

        await client.SendAsync(Batch("batch-4", [Request("a", "GetVersion")], executionType: executionType));

        Assert.Equal(closeCode, await client.ReceiveCloseAsync());
        Assert.Contains("executionType", client.CloseReason);
    }
}
