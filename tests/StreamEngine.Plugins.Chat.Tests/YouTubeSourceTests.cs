using StreamEngine.Plugins.Chat.YouTube;
using StreamEngine.Sdk.Chat;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// The YouTube source against a local fake of <c>liveChatMessages.list</c> answering in the documented shapes: a
/// quota error and a malformed body are reported in the source's state and polling goes on; pages follow
/// <c>nextPageToken</c>; deleted messages and banned authors leave the feed; the key never shows.
/// </summary>
public sealed class YouTubeSourceTests
{
    private const string Quota = """
        { "error": { "code": 403, "message": "The request cannot be completed because you have exceeded your quota.",
          "errors": [ { "message": "The request cannot be completed because you have exceeded your quota.", "domain": "youtube.quota", "reason": "quotaExceeded" } ] } }
        """;

    private const string FirstPage = """
        { "kind": "youtube#liveChatMessageListResponse", "etag": "e1", "nextPageToken": "page-2", "pollingIntervalMillis": 150,
          "pageInfo": { "totalResults": 3, "resultsPerPage": 3 },
          "items": [
            { "kind": "youtube#liveChatMessage", "id": "yt-1",
              "snippet": { "type": "textMessageEvent", "liveChatId": "chat-1", "authorChannelId": "UC-owner", "publishedAt": "2026-11-30T08:00:00.000Z",
                "hasDisplayContent": true, "displayMessage": "Welcome to the sale!", "textMessageDetails": { "messageText": "Welcome to the sale!" } },
              "authorDetails": { "channelId": "UC-owner", "displayName": "Gallery", "isVerified": true, "isChatOwner": true, "isChatSponsor": false, "isChatModerator": false } },
            { "kind": "youtube#liveChatMessage", "id": "yt-2",
              "snippet": { "type": "superChatEvent", "authorChannelId": "UC-ana", "publishedAt": "2026-11-30T08:00:01.000Z", "displayMessage": "$5.00 from Ana: go go",
                "superChatDetails": { "amountMicros": "5000000", "currency": "USD", "amountDisplayString": "$5.00", "userComment": "3 ETH", "tier": 2 } },
              "authorDetails": { "channelId": "UC-ana", "displayName": "Ana", "isChatModerator": true } },
            { "kind": "youtube#liveChatMessage", "id": "yt-3",
              "snippet": { "type": "textMessageEvent", "authorChannelId": "UC-bo", "publishedAt": "2026-11-30T08:00:02.000Z", "displayMessage": "spam spam",
                "textMessageDetails": { "messageText": "spam spam" } },
              "authorDetails": { "channelId": "UC-bo", "displayName": "Bo" } },
            { "kind": "youtube#liveChatMessage", "id": "yt-odd", "snippet": { "type": "textMessageEvent" } }
          ] }
        """;

    private const string SecondPage = """
        { "kind": "youtube#liveChatMessageListResponse", "nextPageToken": "page-3", "pollingIntervalMillis": 150,
          "items": [
            { "id": "yt-4", "snippet": { "type": "messageDeletedEvent", "messageDeletedDetails": { "deletedMessageId": "yt-1" } } },
            { "id": "yt-5", "snippet": { "type": "userBannedEvent", "userBannedDetails": { "banType": "temporary", "banDurationSeconds": 300,
              "bannedUserDetails": { "channelId": "UC-bo", "displayName": "Bo" } } } }
          ] }
        """;

    [Fact]
    public async Task Quota_errors_and_malformed_bodies_are_reported_then_pages_follow_and_removals_leave_the_feed()
    {
        using var api = new YouTubeFake();
        api.Reply(403, Quota);
        api.Reply(200, """{ "items": [ { "id": """);
        api.Reply(200, FirstPage);
        api.Reply(200, SecondPage);
        await using var run = await SourceRun.StartAsync(new YouTubeSourceType(), $$"""{ "liveChatId": "chat-1", "apiKey": "k-secret", "baseUrl": "{{api.BaseUrl}}" }""");

        await run.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting && s.Reason!.Contains("YouTube API quota exceeded (403 quotaExceeded)"), "the quota error in the state");
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting && s.Reason!.Contains("not JSON"), "the malformed body in the state");
        var messages = await run.UntilAsync(m => m.Count == 3, "the first page's three messages");
        Assert.Equal([("yt-1", "UC-owner", "Gallery", "Welcome to the sale!"), ("yt-2", "UC-ana", "Ana", "3 ETH"), ("yt-3", "UC-bo", "Bo", "spam spam")],
            messages.Select(m => (m.Id, m.AuthorId!, m.Author, m.Text)));
        Assert.Equal(["broadcaster", "verified"], messages[0].Badges);
        Assert.Equal(["moderator"], messages[1].Badges);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T08:00:00Z"), messages[0].SentAt);
        await run.UntilAsync(m => m.Select(x => x.Id).SequenceEqual(["yt-2"]), "the deleted message and the banned author's gone");
        await run.UntilAsync(_ => api.Requests.Count >= 5, "polling on");

        var polls = api.Requests.Select(r => r.Url).ToList();
        Assert.All(polls, u => Assert.Contains("liveChatId=chat-1", u.Query));
        Assert.All(polls, u => Assert.Contains("part=snippet,authorDetails", u.Query));
        Assert.All(polls, u => Assert.Contains("key=k-secret", u.Query));
        Assert.DoesNotContain("pageToken", polls[2].Query); // the first page comes after the errors: they did not lose the place
        Assert.Contains("pageToken=page-2", polls[3].Query);
        Assert.Contains("pageToken=page-3", polls[4].Query);
        Assert.Equal(ChatConnectionState.Live, run.Sink.States.Last().State);
        Assert.DoesNotContain(run.Sink.States, s => s.Reason?.Contains("k-secret") == true);
    }

    [Fact]
    public async Task An_OAuth_token_goes_in_the_authorization_header()
    {
        using var api = new YouTubeFake();
        await using var run = await SourceRun.StartAsync(new YouTubeSourceType(), $$"""{ "liveChatId": "chat-1", "accessToken": "ya29.token", "baseUrl": "{{api.BaseUrl}}/" }""");
        await run.UntilAsync(_ => !api.Requests.IsEmpty, "a poll");
        var (url, authorization) = api.Requests.First();
        Assert.Equal("Bearer ya29.token", authorization);
        Assert.DoesNotContain("key=", url.Query);
    }

    [Theory]
    [InlineData("""{ "apiKey": "k" }""", "liveChatId: expected")]
    [InlineData("""{ "liveChatId": "c" }""", "apiKey: expected an API key")]
    [InlineData("""{ "liveChatId": "c", "apiKey": "k", "baseUrl": "http://example.com/" }""", "baseUrl: expected an https:// URL")]
    [InlineData("""{ "liveChatId": "c", "apiKey": "k", "baseUrl": "file:///etc" }""", "baseUrl: expected an https:// URL")]
    public void Bad_settings_name_the_setting(string settings, string error) =>
        Assert.StartsWith(error, Assert.Throws<FormatException>(() => new YouTubeSourceType().Create(new ChatSourceContext("y",
            (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(settings)!, new FeedSink(new()), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))).Message);
}
