using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StreamEngine.Plugins.X.Tests;

/// <summary>
/// X's Livestream API as documented for the /2/sources and /2/broadcasts routes: the region redirect, sources with a
/// stream key, go-live that answers 200 with the broadcast already live on a source, END taking exactly
/// <c>{"state":"END"}</c>, strict bodies refused with 400 in X's problem shape, and a 403 for an account without
/// Livestream access.
/// </summary>
public sealed partial class FakeX
{
    private static readonly HashSet<string> Regions = ["us-west-1", "us-west-2", "us-east-1", "us-east-2", "ca-central-1", "sa-east-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2"];

    public ConcurrentDictionary<string, JsonObject> Sources { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Broadcasts { get; } = new();
    public bool LivestreamAccess { get; set; } = true;
    public string IngestUrl { get; set; } = "rtmps://127.0.0.1:443/x";

    private async Task<bool> Livestream(HttpContext http, string endpoint)
    {
        var path = endpoint.Split(' ')[1].Split('/', StringSplitOptions.RemoveEmptyEntries); // 2, sources, {id}, …
        if (path is not ["2", "region" or "sources" or "broadcasts", ..]) return false;
        if (!LivestreamAccess)
        {
            await Problem(http, 403, "client-forbidden", "Forbidden", "This account does not have access to the Livestream API.");
            return true;
        }
        var method = http.Request.Method;
        switch (path)
        {
            case ["2", "region"] when method == "GET":
                http.Response.StatusCode = 307;
                http.Response.Headers.Location = "/region-recommendation"; // X sends another host; its answer is public
                return true;
            case ["2", "sources"] when method == "POST": await CreateSource(http); return true;
            case ["2", "sources", var id, "stream_key"] when method == "GET":
                if (!id.All(char.IsAsciiDigit)) await Problem(http, 400, "invalid-request", "Invalid Request", "The `id` value is not a source id.");
                else if (!Sources.TryGetValue(id, out var source)) await Problem(http, 404, "resource-not-found", "Not Found Error", "Could not find source.");
                else await Answer(http, 200, new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["stream_key"] = (string)source["stream_key"]! } });
                return true;
            case ["2", "broadcasts"] when method == "POST": await GoLive(http); return true;
            case ["2", "broadcasts", var id] when method == "GET":
                if (Broadcasts.TryGetValue(id, out var b)) await Answer(http, 200, new JsonObject { ["data"] = b.DeepClone() });
                else await Problem(http, 404, "resource-not-found", "Not Found Error", "Could not find broadcast.");
                return true;
            case ["2", "broadcasts", var id, "state"] when method == "PUT": await End(http, id); return true;
            default: return false;
        }
    }

    private async Task CreateSource(HttpContext http)
    {
        var body = await BodyAsync(http);
        if (body is null || body.Any(p => p.Key is not ("name" or "region")) || body["name"]?.GetValue<string>() is not { Length: > 0 } name
            || body["region"]?.GetValue<string>() is not { } region || !Regions.Contains(region))
        {
            await Problem(http, 400, "invalid-request", "Invalid Request", "name and region are required, and no other field.");
            return;
        }
        var id = "91234567890123" + Interlocked.Increment(ref _nextId).ToString("D5");
        var source = new JsonObject
        {
            ["id"] = id, ["name"] = name, ["region"] = region.StartsWith("us-west") ? "us-west-2" : "us-east-1",
            ["rtmps_url"] = IngestUrl, ["stream_key"] = "sk" + Guid.NewGuid().ToString("N")[..12],
        };
        Sources[id] = source;
        await Answer(http, 201, new JsonObject { ["data"] = source.DeepClone() });
    }

    private async Task GoLive(HttpContext http)
    {
        var body = await BodyAsync(http);
        if (body is null || body.Any(p => p.Key is not ("source_id" or "title" or "locale" or "chat_option" or "should_not_tweet"))
            || body["source_id"]?.GetValue<string>() is not { } sourceId || !sourceId.All(char.IsAsciiDigit))
        {
            await Problem(http, 400, "invalid-request", "Invalid Request", "The `source_id` value is not a source id.");
            return;
        }
        if (!Sources.ContainsKey(sourceId)) { await Problem(http, 404, "resource-not-found", "Not Found Error", "Could not find source."); return; }
        if (Broadcasts.Values.FirstOrDefault(b => (string?)b["source_id"] == sourceId && (string?)b["state"] == "RUNNING") is { } live)
        {
            await Answer(http, 200, new JsonObject { ["data"] = live.DeepClone() });
            return;
        }
        var id = "1vOx" + Interlocked.Increment(ref _nextId);
        var broadcast = new JsonObject
        {
            ["id"] = id, ["broadcast_id"] = id, ["source_id"] = sourceId, ["state"] = "RUNNING", ["share_url"] = $"https://x.com/i/broadcasts/{id}",
            ["title"] = body["title"]?.GetValue<string>() ?? "",
        };
        Broadcasts[id] = broadcast;
        var answer = broadcast.DeepClone();
        // The announcement post is made after the answer: go-live does not carry its id, GET /2/broadcasts/:id does.
        if (body["should_not_tweet"]?.GetValue<bool>() != true) broadcast["tweet_id"] = Seed(broadcast["title"]!.GetValue<string>() is { Length: > 0 } t ? t : "LIVE", MeId, null);
        await Answer(http, 201, new JsonObject { ["data"] = answer });
    }

    private async Task End(HttpContext http, string id)
    {
        var body = await BodyAsync(http);
        if (body is null || body.Count != 1 || body["state"]?.GetValue<string>() != "END")
        {
            await Problem(http, 400, "invalid-request", "Invalid Request", body?.FirstOrDefault(p => p.Key != "state").Key is { } extra ? $"{extra} must not be set" : "state must be END");
            return;
        }
        if (!Broadcasts.TryGetValue(id, out var broadcast)) { await Problem(http, 404, "resource-not-found", "Not Found Error", "Could not find broadcast."); return; }
        broadcast["state"] = "ENDED";
        await Answer(http, 200, new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["state"] = "ENDED" } });
    }

    private static async Task<JsonObject?> BodyAsync(HttpContext http)
    {
        try { return JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync()) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static Task Problem(HttpContext http, int status, string type, string title, string detail) =>
        Answer(http, status, new JsonObject { ["title"] = title, ["detail"] = detail, ["type"] = $"https://api.x.com/2/problems/{type}", ["status"] = status });
}
