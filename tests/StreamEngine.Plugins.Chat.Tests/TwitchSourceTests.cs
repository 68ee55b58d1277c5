using StreamEngine.Plugins.Chat.Irc;
using StreamEngine.Sdk.Chat;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// The Twitch source against a scripted fake speaking Twitch's IRC: the anonymous login with the capabilities, tagged
/// messages, PING, CLEARMSG and CLEARCHAT removing messages from the feed, and RECONNECT.
/// </summary>
public sealed class TwitchSourceTests
{
    [Fact]
    public async Task Tagged_messages_arrive_removed_ones_leave_and_a_reconnect_request_is_followed()
    {
        using var twitch = new TwitchFake();
        await using var run = await SourceRun.StartAsync(new TwitchSourceType(), $$"""{ "channel": "Show", "url": "irc://127.0.0.1:{{twitch.Port}}" }""");
        await twitch.AcceptAsync();
        Assert.Equal(["CAP REQ :twitch.tv/tags twitch.tv/commands", "NICK justinfan12345", "JOIN #show"], await twitch.LogInAsync("#show"));
        Assert.False(run.Source.CanSend);
        await Assert.ThrowsAsync<NotSupportedException>(() => run.Source.SendAsync("hi", null, CancellationToken.None));

        await twitch.SendAsync(@"@badge-info=subscriber/12;badges=moderator/1,subscriber/12;color=#FF4500;display-name=Ana\sB;emotes=25:5-9;id=m-1;mod=1;reply-parent-msg-id=p-0;tmi-sent-ts=1700000000000;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :🔥 hi Kappa @host");
        await twitch.SendAsync("@display-name=Bo;id=m-2;user-id=222 :bo!bo@bo.tmi.twitch.tv PRIVMSG #show :2.5 ETH");
        await twitch.SendAsync("@display-name=Ana\\sB;id=m-3;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :another one");
        await twitch.SendAsync("@display-name=Cy;id=m-4;user-id=333 :cy!cy@cy.tmi.twitch.tv PRIVMSG #show :\u0001ACTION waves\u0001");
        await twitch.SendAsync("PING :tmi.twitch.tv");
        Assert.Equal("PONG :tmi.twitch.tv", await twitch.ReadAsync());
        var messages = await run.UntilAsync(m => m.Count == 4, "four messages");
        var ana = messages[0];
        Assert.Equal(("m-1", "111", "Ana B", "🔥 hi Kappa @host", "#FF4500", "p-0"), (ana.Id, ana.AuthorId, ana.Author, ana.Text, ana.Color, ana.ReplyTo));
        Assert.Equal(["moderator", "subscriber"], ana.Badges);
        Assert.Equal(("Kappa", 6, 5), (ana.Emotes[0].Name, ana.Emotes[0].Start, ana.Emotes[0].Length));
        Assert.Equal(["host"], ana.Mentions);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), ana.SentAt);
        Assert.Equal(("2.5 ETH", "waves"), (messages[1].Text, messages[3].Text)); // a /me action is its text

        await twitch.SendAsync("@login=bo;room-id=1;target-msg-id=m-2;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARMSG #show :2.5 ETH");
        await run.UntilAsync(m => m.Select(x => x.Id).SequenceEqual(["m-1", "m-3", "m-4"]), "m-2 deleted by a moderator");
        await twitch.SendAsync("@ban-duration=600;room-id=1;target-user-id=111;tmi-sent-ts=1700000002000 :tmi.twitch.tv CLEARCHAT #show :ana");
        await run.UntilAsync(m => m.Select(x => x.Id).SequenceEqual(["m-4"]), "ana's messages gone after her timeout");

        await twitch.SendAsync(":tmi.twitch.tv RECONNECT");
        await twitch.AcceptAsync();
        Assert.Equal("JOIN #show", (await twitch.LogInAsync("#show"))[2]);
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting && s.Reason!.Contains("asked to reconnect"), "the reconnect reported");
        await twitch.SendAsync("@display-name=Dee;id=m-5;user-id=444 :dee!dee@dee.tmi.twitch.tv PRIVMSG #show :back again");
        await run.UntilAsync(m => m.Any(x => x.Text == "back again"), "a message after the reconnect");
        await twitch.SendAsync(":tmi.twitch.tv CLEARCHAT #show");
        await run.UntilAsync(m => m.Count == 0, "the whole chat cleared");
    }

    [Fact]
    public async Task With_a_token_it_logs_in_sends_without_injecting_lines_and_never_shows_the_token()
    {
        using var twitch = new TwitchFake();
        await using var run = await SourceRun.StartAsync(new TwitchSourceType(), $$"""{ "channel": "#show", "nick": "showbot", "token": "s3cr3t", "url": "irc://127.0.0.1:{{twitch.Port}}" }""");
        await twitch.AcceptAsync();
        Assert.Equal(["CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:s3cr3t", "NICK showbot"], [await twitch.ReadAsync(), await twitch.ReadAsync(), await twitch.ReadAsync()]);
        await twitch.SendAsync(":tmi.twitch.tv 001 showbot :Welcome");
        Assert.Equal("JOIN #show", await twitch.ReadAsync());
        await twitch.SendAsync(":showbot!showbot@showbot.tmi.twitch.tv JOIN #show");
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Live, "live");
        Assert.True(run.Source.CanSend);
        await run.Source.SendAsync("Sold!\r\nPRIVMSG #other :oops", "m-9", CancellationToken.None);
        Assert.Equal("@reply-parent-msg-id=m-9 PRIVMSG #show :Sold! PRIVMSG #other :oops", await twitch.ReadAsync());
        twitch.Dispose(); // the server goes away
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting, "reconnecting");
        Assert.DoesNotContain(run.Sink.States, s => s.Reason?.Contains("s3cr3t") == true);
    }

    [Theory]
    [InlineData("""{ }""", "channel: expected a channel")]
    [InlineData("""{ "channel": "#a b" }""", "channel: expected '#'")]
    [InlineData("""{ "channel": "#a", "url": "http://x" }""", "url: expected irc://")]
    [InlineData("""{ "channel": "#a", "token": "t" }""", "nick: expected the bot account's login")]
    [InlineData("""{ "channel": "#a", "tokenEnv": "NO_SUCH_VARIABLE_SET" }""", "tokenEnv: the environment variable 'NO_SUCH_VARIABLE_SET' is not set")]
    public void Bad_settings_name_the_setting(string settings, string error) =>
        Assert.StartsWith(error, Assert.Throws<FormatException>(() => new TwitchSourceType().Create(new ChatSourceContext("t",
            (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(settings)!, new FeedSink(new()), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))).Message);
}
