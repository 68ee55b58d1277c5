using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StreamEngine.Plugins.X.Tests;

public sealed partial class FakeX
{
    private async Task Route(HttpContext http, string endpoint)
    {
        switch (endpoint)
        {
            case "POST /2/tweets": await CreatePost(http); break;
            case "GET /2/tweets/search/recent": await Search(http); break;
            case "GET /2/users/me":
                http.Response.Headers["x-access-level"] = "read-write"; // what X sends for a user-context token
                await Answer(http, 200, new JsonObject { ["data"] = new JsonObject { ["id"] = MeId, ["username"] = MeName, ["name"] = "Auction House" } });
                break;
            case "GET /2/users/by":
                var users = new JsonArray(http.Request.Query["usernames"].ToString().Split(',')
                    .Select((name, i) => (JsonNode)new JsonObject { ["id"] = $"7{i}", ["username"] = name, ["name"] = name, ["verified"] = i == 0 }).ToArray());
                await Answer(http, 200, new JsonObject { ["data"] = users });
                break;
            default:
                if (await Livestream(http, endpoint)) break;
                await Answer(http, 404, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = 34, ["message"] = "Sorry, that page does not exist." }) });
                break;
        }
    }

    private async Task CreatePost(HttpContext http)
    {
        PostFaults.TryDequeue(out var fault);
        if (fault == "503") { await Answer(http, 503, new JsonObject { ["title"] = "Service Unavailable", ["detail"] = "Service Unavailable", ["type"] = "about:blank" }); return; }
        if (fault == "malformed") { await Answer(http, 201, new JsonObject(), "<html>Bad Gateway</html>"); return; }
        if (fault is { } status && int.TryParse(status, out var code))
        {
            await Answer(http, code, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = 453, ["message"] = "You currently have access to a subset of X API V2 endpoints." }) });
            return;
        }
        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
        var id = Interlocked.Increment(ref _nextId).ToString();
        var post = new JsonObject { ["id"] = id, ["text"] = body["text"]!.GetValue<string>(), ["author_id"] = MeId };
        if (body["reply"]?["in_reply_to_tweet_id"]?.GetValue<string>() is { } replyTo)
            post["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = replyTo });
        lock (Posts) Posts.Add(post);
        // "created-503": X created the post but the answer was lost on the way (what a gateway timeout looks like).
        if (fault == "created-503") { await Answer(http, 503, new JsonObject { ["title"] = "Service Unavailable", ["type"] = "about:blank" }); return; }
        await Answer(http, 201, new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["text"] = post["text"]!.GetValue<string>() } });
    }

    private async Task Search(HttpContext http)
    {
        if (SearchFaults.TryDequeue(out var fault))
        {
            if (fault == "malformed") { await Answer(http, 200, new JsonObject(), "{\"data\": [{\"id\": 5"); return; }
            await Answer(http, int.Parse(fault), new JsonObject { ["title"] = "Service Unavailable", ["type"] = "about:blank" });
            return;
        }
        var query = http.Request.Query["query"].ToString();
        var since = long.TryParse(http.Request.Query["since_id"], out var s) ? s : 0;
        var skip = int.TryParse(http.Request.Query["next_token"], out var t) ? t : 0;
        List<JsonObject> matches;
        lock (Posts)
            matches = Posts.Where(p => query.StartsWith("from:") ? (string?)p["author_id"] == MeId : query == $"conversation_id:{p["conversation_id"]}")
                .Where(p => long.Parse((string)p["id"]!) > since).OrderByDescending(p => long.Parse((string)p["id"]!)).ToList();
        var page = matches.Skip(skip).Take(PageSize).Select(p => (JsonNode)p.DeepClone()).ToArray();
        var meta = new JsonObject { ["result_count"] = page.Length };
        if (page.Length > 0) meta["newest_id"] = (string)matches[0]["id"]!;
        if (skip + PageSize < matches.Count) meta["next_token"] = (skip + PageSize).ToString();
        var users = page.Select(p => (string)p!["author_id"]!).Distinct()
            .Select(id => (JsonNode)new JsonObject { ["id"] = id, ["username"] = "user" + id, ["name"] = "User " + id, ["verified"] = id == "1" }).ToArray();
        var answer = new JsonObject { ["meta"] = meta };
        if (page.Length > 0) { answer["data"] = new JsonArray(page); answer["includes"] = new JsonObject { ["users"] = new JsonArray(users) }; }
        await Answer(http, 200, answer);
    }
}
