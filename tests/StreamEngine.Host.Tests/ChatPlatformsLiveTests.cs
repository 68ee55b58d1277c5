using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Pointing a show at a platform is one entry in its scene's <c>chat</c> section. For a Twitch channel (the scripted
/// fake), an IRC channel (a real ngircd) and a YouTube live chat (the fake API), a viewer's bid and question reach the
/// chat layer recognised: the ChatMessage events (sent as a message enters the chat layer's feed) say bid with the
/// amount and question, and the recording's chat column shows the bid's gold card above the question's violet one.
/// </summary>
public sealed class ChatPlatformsLiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("chat-platforms");

    [Theory]
    [InlineData("twitch")]
    [InlineData("irc")]
    [InlineData("youtube")]
    public async Task A_viewers_bid_and_question_show_in_the_chat_layer_recognised(string platform)
    {
        using var twitch = platform == "twitch" ? new TwitchFake() : null;
        using var irc = platform == "irc" ? new IrcServer() : null;
        using var youtube = platform == "youtube" ? new YouTubeFake() : null;
        var source = platform switch
        {
            "twitch" => $$"""{ "id": "twitch", "type": "twitch", "settings": { "channel": "show", "url": "irc://127.0.0.1:{{twitch!.Port}}" } }""",
            "irc" => $$"""{ "id": "irc", "type": "irc", "settings": { "url": "irc://127.0.0.1:{{irc!.Port}}/#show" } }""",
            _ => $$"""{ "id": "youtube", "type": "youtube", "settings": { "liveChatId": "chat-1", "apiKey": "test-key", "baseUrl": "{{youtube!.BaseUrl}}" } }""",
        };
        // Black opaque cards on black: only a highlight's accent bar (at x 11-16 for a 24 px font) has color.
        File.WriteAllText(_dir.File("scene.json"), $$"""
            { "layers": [
                { "id": "bg", "type": "background", "props": { "color": "#000000" } },
                { "id": "chat", "type": "chat", "zIndex": 10, "props": { "column": "fill", "card": "#000000", "enter": 0.1, "font": { "size": 24 } } } ],
              "chat": { "sources": [ {{source}} ] } }
            """);
        var recording = _dir.File("show.mp4");
        await using var engine = await RunningEngine.StartSceneAtSizeAsync(recording, _dir.File("scene.json"), Engine.Environment(("WS_PASSWORD", null)), "640x360");
        using var events = await ChatPipelineLiveTests.ChatEventsAsync(engine);

        await SayAsync(platform, engine, twitch, irc, youtube);
        var bid = await ChatPipelineLiveTests.NextChatAsync(events);
        var question = await ChatPipelineLiveTests.NextChatAsync(events);
        Assert.Equal((platform, "ana", "bid", 250m, "bid"), (Text(bid, "source"), Text(bid, "author").ToLowerInvariant(), Text(bid, "kind"), bid["amount"]!.GetValue<decimal>(), Text(bid, "highlight")));
        Assert.Equal((platform, "bo", "question", "question"), (Text(question, "source"), Text(question, "author").ToLowerInvariant(), Text(question, "kind"), Text(question, "highlight")));

        // A second and a half of frames after both entered, so the recording's last frames show them in place.
        await ChatLayerLiveTests.FramesAsync(engine, await ChatLayerLiveTests.FramesAsync(engine, 0) + 45);
        await engine.StopAsync();
        var frames = (await Media.ProbeAsync(recording)).Frames;
        var last = await Media.DecodeFrameAsync(recording, frames - 1, 640, 360);
        await Media.ExtractPngAsync(recording, frames - 1, _dir.File("last.png"));
        var gold = Enumerable.Range(0, 360).Where(y => last.IsNear(13, y, "#ffc233", 60, out _)).ToList();
        var violet = Enumerable.Range(0, 360).Where(y => last.IsNear(13, y, "#b794f6", 60, out _)).ToList();
        Assert.True(gold.Count > 20, $"the bid's gold card should be in the column, found {gold.Count} gold rows at x 13");
        Assert.True(violet.Count > 20, $"the question's violet card should be in the column, found {violet.Count} violet rows at x 13");
        Assert.True(violet.Min() > gold.Max(), "the question came last: its card is below the bid's");
    }

    /// <summary>Ana bids $250, then Bo asks whether shipping is included, each on the platform under test.</summary>
    private static async Task SayAsync(string platform, RunningEngine engine, TwitchFake? twitch, IrcServer? irc, YouTubeFake? youtube)
    {
        switch (platform)
        {
            case "twitch":
                await twitch!.AcceptAsync();
                await twitch.LogInAsync("#show");
                await twitch.SendAsync("@display-name=Ana;id=m-1;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :$250");
                await twitch.SendAsync("@display-name=Bo;id=m-2;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :is shipping included");
                break;
            case "irc":
                await Until(async () => (await engine.Api.GetFromJsonArrayAsync("api/chat/sources")).Single()!["state"]!.GetValue<string>() == "Live", "the IRC source joined");
                using (var ana = await IrcViewer.JoinAsync(irc!.Port, "ana", "#show"))
                using (var bo = await IrcViewer.JoinAsync(irc.Port, "bo", "#show"))
                {
                    // Each waits until the other saw its line, so the server took both, in this order.
                    await ana.SayAsync("#show", "$250");
                    await bo.UntilAsync(l => l.EndsWith("PRIVMSG #show :$250"));
                    await bo.SayAsync("#show", "is shipping included");
                    await ana.UntilAsync(l => l.EndsWith("PRIVMSG #show :is shipping included"));
                }
                break;
            default:
                youtube!.Reply(200, """
                    { "kind": "youtube#liveChatMessageListResponse", "nextPageToken": "page-2", "pollingIntervalMillis": 200,
                      "items": [
                        { "kind": "youtube#liveChatMessage", "id": "yt-1",
                          "snippet": { "type": "textMessageEvent", "authorChannelId": "UC-ana", "publishedAt": "2026-11-30T08:00:00.000Z", "displayMessage": "$250",
                            "textMessageDetails": { "messageText": "$250" } },
                          "authorDetails": { "channelId": "UC-ana", "displayName": "Ana" } },
                        { "kind": "youtube#liveChatMessage", "id": "yt-2",
                          "snippet": { "type": "textMessageEvent", "authorChannelId": "UC-bo", "publishedAt": "2026-11-30T08:00:01.000Z", "displayMessage": "is shipping included",
                            "textMessageDetails": { "messageText": "is shipping included" } },
                          "authorDetails": { "channelId": "UC-bo", "displayName": "Bo" } } ] }
                    """);
                break;
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 60 s for {what}");
            await Task.Delay(200);
        }
    }

    private static string Text(JsonNode node, string key) => node[key]?.GetValue<string>() ?? "";

    public void Dispose() => _dir.Dispose();
}
