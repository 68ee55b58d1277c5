using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Plugins.Chat.Irc;
using StreamEngine.Plugins.Chat.Stages;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// Twitch's CLEARCHAT for a user, with <c>ban-duration</c> (a timeout) or without (a ban), becomes a ban in the chat
/// behaviour (what <c>GET /api/behaviours/chat/bans</c> lists) and the author's next messages are dropped by moderation.
/// </summary>
public sealed class TwitchBanTests
{
    [Fact]
    public async Task A_timeout_and_a_ban_on_twitch_are_listed_as_bans_and_hold_the_authors_next_messages()
    {
        var room = new ChatRoom(TimeProvider.System);
        using var chat = new ChatBehaviour(room);
        using var twitch = new TwitchFake();
        await using var run = await SourceRun.StartAsync(new TwitchSourceType(), $$"""{ "channel": "#show", "url": "irc://127.0.0.1:{{twitch.Port}}" }""");
        var moderation = new ModerationStage(room);
        run.Feed.Stages = new ChatStageChain(["chat.moderation"], _ => moderation, NullLogger.Instance);
        await twitch.AcceptAsync();
        await twitch.LogInAsync("#show");
        await twitch.SendAsync("@display-name=Ana;id=m-1;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :50");
        await twitch.SendAsync("@display-name=Bo;id=m-2;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :60");
        await run.UntilAsync(m => m.Count == 2, "two messages");

        var timedOutAt = DateTimeOffset.UtcNow;
        await twitch.SendAsync("@ban-duration=600;room-id=1;target-user-id=111 :tmi.twitch.tv CLEARCHAT #show :ana");
        await twitch.SendAsync("@room-id=1;target-user-id=222 :tmi.twitch.tv CLEARCHAT #show :bo");
        await run.UntilAsync(m => m.Count == 0, "both authors' messages gone");

        var bans = (JsonArray)chat.Call("bans", null)!;
        Assert.Equal(2, bans.Count);
        var (ana, bo) = (bans[0]!, bans[1]!);
        Assert.Equal(("111", "timed out on twitch (ana)"), ((string)ana["author"]!, (string)ana["reason"]!));
        var until = DateTimeOffset.Parse((string)ana["until"]!);
        Assert.InRange(until, timedOutAt.AddSeconds(599), DateTimeOffset.UtcNow.AddSeconds(601));
        Assert.Equal(("222", "banned on twitch (bo)", null), ((string)bo["author"]!, (string)bo["reason"]!, bo["until"]));

        await twitch.SendAsync("@display-name=Ana;id=m-3;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :70");
        await twitch.SendAsync("@display-name=Bo;id=m-4;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :80");
        await twitch.SendAsync("@display-name=Cy;id=m-5;user-id=333 :cy!cy@cy.tmi.twitch.tv PRIVMSG #show :90");
        var shown = await run.UntilAsync(m => m.Count == 1, "only the author not banned");
        Assert.Equal("m-5", shown[0].Id);

        Assert.True(chat.Call("unban", new JsonObject { ["author"] = "222" })!.GetValue<bool>());
        await twitch.SendAsync("@display-name=Bo;id=m-6;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :85");
        await run.UntilAsync(m => m.Select(x => x.Id).SequenceEqual(["m-5", "m-6"]), "bo back after the producer lifted the ban");
    }
}
