using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Sdk.Chat;

namespace StreamEngine.Plugins.Chat.YouTube;

/// <summary>What one page of <c>liveChatMessages.list</c> asks of the show: messages to post, removals, and when to poll next.</summary>
internal sealed record LiveChatPage(IReadOnlyList<IncomingChatMessage> Messages, IReadOnlyList<string> Deleted, IReadOnlyList<string> Banned, string? NextPageToken, TimeSpan? PollAfter)
{
    /// <summary>
    /// Reads a <c>youtube#liveChatMessageListResponse</c>: <c>items[]</c> with <c>id</c>, <c>snippet</c> (<c>type</c>,
    /// <c>publishedAt</c>, <c>displayMessage</c>, <c>textMessageDetails.messageText</c>, <c>messageDeletedDetails</c>,
    /// <c>userBannedDetails</c>) and <c>authorDetails</c>; <c>nextPageToken</c>; <c>pollingIntervalMillis</c>. Throws
    /// <see cref="FormatException"/> when the body is not that shape; an item it cannot read is skipped.
    /// </summary>
    public static LiveChatPage Read(string body)
    {
        JsonObject page;
        try { page = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("expected a JSON object"); }
        catch (JsonException e) { throw new FormatException("not JSON: " + e.Message); }
        if (page["items"] is not (null or JsonArray)) throw new FormatException("items: expected an array");
        var messages = new List<IncomingChatMessage>();
        var deleted = new List<string>();
        var banned = new List<string>();
        foreach (var item in (page["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var snippet = item["snippet"] as JsonObject;
            switch (Text(snippet, "type"))
            {
                case "messageDeletedEvent" when Text(snippet!["messageDeletedDetails"], "deletedMessageId") is { } gone:
                    deleted.Add(gone);
                    break;
                case "userBannedEvent" when Text(snippet!["userBannedDetails"]?["bannedUserDetails"], "channelId") is { } user:
                    banned.Add(user);
                    break;
                case "textMessageEvent" or "superChatEvent" or "superStickerEvent" or "memberMilestoneChatEvent" when Message(item, snippet!) is { } message:
                    messages.Add(message);
                    break;
            }
        }
        var poll = page["pollingIntervalMillis"] is JsonValue v && v.TryGetValue<double>(out var ms) && double.IsFinite(ms) ? TimeSpan.FromMilliseconds(Math.Clamp(ms, 500, 60_000)) : (TimeSpan?)null;
        return new LiveChatPage(messages, deleted, banned, Text(page, "nextPageToken"), poll);
    }

    private static IncomingChatMessage? Message(JsonObject item, JsonObject snippet)
    {
        var author = item["authorDetails"] as JsonObject;
        var text = Text(snippet["textMessageDetails"], "messageText") ?? Text(snippet["superChatDetails"], "userComment") ?? Text(snippet, "displayMessage");
        var id = Text(item, "id");
        var authorId = Text(author, "channelId") ?? Text(snippet, "authorChannelId");
        if (text is null || id is null || authorId is null) return null;
        var sent = DateTimeOffset.TryParse(Text(snippet, "publishedAt"), out var at) ? at : DateTimeOffset.UtcNow;
        return new IncomingChatMessage(id, authorId, Text(author, "displayName") ?? authorId, text, sent)
        {
            Badges = [.. Flag(author, "isChatOwner", "broadcaster"), .. Flag(author, "isChatModerator", "moderator"),
                .. Flag(author, "isChatSponsor", "member"), .. Flag(author, "isVerified", "verified")],
            Mentions = [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && w[0] == '@').Select(w => w[1..].TrimEnd(',', '.', '?', '!', ':')).Take(32)],
        };
    }

    private static IEnumerable<string> Flag(JsonObject? author, string key, string badge) =>
        author?[key] is JsonValue v && v.TryGetValue<bool>(out var set) && set ? [badge] : [];

    private static string? Text(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
