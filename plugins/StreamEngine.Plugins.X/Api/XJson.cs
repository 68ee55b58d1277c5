using System.Text.Json;

namespace StreamEngine.Plugins.X.Api;

/// <summary>Reads X's documented response objects, refusing with <see cref="XMalformedResponseException"/> when a
/// required field is missing or of the wrong type instead of failing later on a null.</summary>
internal static class XJson
{
    public static XPost Post(string endpoint, JsonElement e)
    {
        string? replyTo = null;
        if (e.TryGetProperty("referenced_tweets", out var refs) && refs.ValueKind == JsonValueKind.Array)
            replyTo = refs.EnumerateArray().Where(r => Optional(r, "type") == "replied_to").Select(r => Optional(r, "id")).FirstOrDefault();
        return new XPost(Required(endpoint, e, "id"), Required(endpoint, e, "text"), Optional(e, "author_id"), Optional(e, "conversation_id"), replyTo);
    }

    public static XUser User(string endpoint, JsonElement e) =>
        new(Required(endpoint, e, "id"), Required(endpoint, e, "username"), Optional(e, "name") ?? "",
            e.TryGetProperty("verified", out var v) && v.ValueKind == JsonValueKind.True);

    public static JsonElement Data(string endpoint, JsonElement root, JsonValueKind kind)
    {
        if (root.TryGetProperty("data", out var data) && data.ValueKind == kind) return data;
        throw new XMalformedResponseException(endpoint, 200, $"X's answer to {endpoint} has no \"data\" {(kind == JsonValueKind.Array ? "array" : "object")}.");
    }

    public static string Required(string endpoint, JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && Optional(e, name) is { } value ? value
            : throw new XMalformedResponseException(endpoint, 200, $"X's answer to {endpoint} lacks the string field \"{name}\".");

    public static string? Optional(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
