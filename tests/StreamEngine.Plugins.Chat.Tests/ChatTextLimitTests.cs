using StreamEngine.Core.Scene;
using StreamEngine.Plugins.Chat.Irc;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>An over-long message from a source is cut at CHAT_MAX_TEXT (the show state's bound), never inside a character.</summary>
public sealed class ChatTextLimitTests
{
    [Theory]
    [InlineData(500, 499)] // the default: the emoji straddling character 500 is left out whole
    [InlineData(20, 20)]   // a configured maximum
    public async Task A_long_message_is_cut_at_the_configured_maximum_on_a_character_boundary(int max, int expected)
    {
        using var twitch = new TwitchFake();
        await using var run = await SourceRun.StartAsync(new TwitchSourceType(), $$"""{ "channel": "#show", "url": "irc://127.0.0.1:{{twitch.Port}}" }""",
            new ShowLimits { MaxChatTextLength = max });
        await twitch.AcceptAsync();
        await twitch.LogInAsync("#show");
        var text = new string('a', 499) + "🔥" + new string('b', 300);
        await twitch.SendAsync($"@display-name=Ana;id=m-1;user-id=111 :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :{text}");

        var shown = (await run.UntilAsync(m => m.Count == 1, "the long message"))[0].Text;

        Assert.Equal(text[..expected], shown);
        Assert.False(char.IsHighSurrogate(shown[^1]), "the text ends inside an emoji");
    }
}
