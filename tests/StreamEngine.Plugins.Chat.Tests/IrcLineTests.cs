using StreamEngine.Plugins.Chat.Irc;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>Reading IRC lines: IRCv3 tags and their escapes, prefixes, parameters, and Twitch's emote positions.</summary>
public sealed class IrcLineTests
{
    [Fact]
    public void Tags_prefix_command_and_trailing_parameter_are_read_and_tag_values_unescaped()
    {
        var line = IrcLine.Parse(@"@display-name=Ana\sB;msg=a\:b\\c\rd\ne\x;empty=;flag :ana!ana@ana.tmi.twitch.tv PRIVMSG #show :hello there : friends" + "\r\n")!;
        Assert.Equal("Ana B", line.Tag("display-name"));
        Assert.Equal("a;b\\c\rd\nex", line.Tag("msg"));
        Assert.Equal("", line.Tag("empty"));
        Assert.True(line.Tags.ContainsKey("flag"));
        Assert.Equal(("ana", "PRIVMSG"), (line.Nick, line.Command));
        Assert.Equal(["#show", "hello there : friends"], line.Params);
        Assert.Null(IrcLine.Parse(":server.only"));
        Assert.Equal("PING", IrcLine.Parse("ping :tmi.twitch.tv")!.Command);
        Assert.Null(IrcLine.Parse(":tmi.twitch.tv 001 me :hi")!.Nick);
    }

    [Fact]
    public void Emote_positions_count_code_points_and_become_indexes_of_the_text()
    {
        // 🔥 is one code point but two UTF-16 characters: Kappa at code points 5-9 is at index 6.
        var emotes = ChatLines.Emotes("25:5-9/1902:11-15,17-21", "🔥 hi Kappa Keepo Keepo");
        Assert.Equal([("Kappa", 6, 5), ("Keepo", 12, 5), ("Keepo", 18, 5)], emotes.Select(e => (e.Name, e.Start, e.Length)));
        Assert.Contains("/25/", emotes[0].ImageUrl);
        Assert.Empty(ChatLines.Emotes("25:5-99,x-y,:1-2", "short"));
    }
}
