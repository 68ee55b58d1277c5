using System.Text.Json;
using System.Text.RegularExpressions;
using StreamEngine.Plugins.X.Auth;

namespace StreamEngine.Plugins.X.Api;

/// <summary>The reading side of the API: replies in a conversation (recent search) and user lookup.</summary>
public sealed partial class XReads(XApiClient client)
{
    public const string SearchEndpoint = "GET /2/tweets/search/recent";
    public const string UsersEndpoint = "GET /2/users/by";
    public const string MeEndpoint = "GET /2/users/me";

    /// <summary>Posts in the conversation newer than <paramref name="sinceId"/>; pass <paramref name="nextToken"/> from
    /// the previous page to continue.</summary>
    public async Task<XSearchPage> SearchConversationAsync(string conversationId, string? sinceId, string? nextToken, CancellationToken ct)
    {
        CheckId(conversationId, nameof(conversationId));
        if (sinceId is not null) CheckId(sinceId, nameof(sinceId));
        return await SearchAsync($"conversation_id:{conversationId}", sinceId, nextToken, ct);
    }

    public async Task<XSearchPage> SearchAsync(string query, string? sinceId, string? nextToken, CancellationToken ct)
    {
        var url = "2/tweets/search/recent?query=" + PercentEncoding.Encode(query) + "&max_results=100"
            + "&tweet.fields=author_id,conversation_id,created_at,referenced_tweets&expansions=author_id&user.fields=username,name,verified"
            + (sinceId is null ? "" : "&since_id=" + sinceId)
            + (nextToken is null ? "" : "&next_token=" + PercentEncoding.Encode(nextToken));
        var root = await client.SendAsync(HttpMethod.Get, SearchEndpoint, url, null, safeToRepeat: true, ct);
        // No "data" is how X says "no results".
        var posts = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(p => XJson.Post(SearchEndpoint, p)).ToList() : [];
        var users = new Dictionary<string, XUser>();
        if (root.TryGetProperty("includes", out var includes) && includes.TryGetProperty("users", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var u in list.EnumerateArray()) { var user = XJson.User(SearchEndpoint, u); users[user.Id] = user; }
        root.TryGetProperty("meta", out var meta);
        return new XSearchPage(posts, users, XJson.Optional(meta, "newest_id"), XJson.Optional(meta, "next_token"));
    }

    public async Task<IReadOnlyList<XUser>> LookupUsersAsync(IReadOnlyCollection<string> usernames, CancellationToken ct)
    {
        if (usernames.Count is 0 or > 100) throw new ArgumentException("Look up 1 to 100 usernames at a time.", nameof(usernames));
        foreach (var name in usernames)
            if (!Username().IsMatch(name)) throw new ArgumentException($"'{name}' is not an X username (1–15 letters, digits or _).", nameof(usernames));
        var root = await client.SendAsync(HttpMethod.Get, UsersEndpoint, "2/users/by?usernames=" + string.Join(',', usernames) + "&user.fields=verified",
            null, safeToRepeat: true, ct);
        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(u => XJson.User(UsersEndpoint, u)).ToList() : [];
    }

    /// <summary>The account the credentials act as.</summary>
    public async Task<XUser> MeAsync(CancellationToken ct)
    {
        var root = await client.SendAsync(HttpMethod.Get, MeEndpoint, "2/users/me?user.fields=verified", null, safeToRepeat: true, ct);
        return XJson.User(MeEndpoint, XJson.Data(MeEndpoint, root, JsonValueKind.Object));
    }

    internal static void CheckId(string id, string name)
    {
        if (!PostId().IsMatch(id)) throw new ArgumentException($"'{id}' is not an X post id (digits only).", name);
    }

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex PostId();

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex Username();
}
