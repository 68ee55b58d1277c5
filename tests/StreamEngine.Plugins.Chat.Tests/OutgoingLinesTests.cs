using System.Text;
using StreamEngine.Plugins.Chat.Irc;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>What the IRC sources write for a reply: lines within 512 bytes with CRLF, cut between words and never inside a character, and no second command.</summary>
public sealed class OutgoingLinesTests
{
    private const string Head = "@reply-parent-msg-id=m-9 PRIVMSG #show :";

    [Fact]
    public void A_long_reply_becomes_several_lines_within_512_bytes_cut_between_words()
    {
        var words = Enumerable.Range(0, 150).Select(i => (i % 3) switch { 0 => $"lot{i}", 1 => "Ünïcödé", _ => "🔥🎉" }).ToList();
        var reply = string.Join(' ', words); // about 1,700 bytes in UTF-8

        var lines = OutgoingLines.Of(Head, reply, "showbot");

        Assert.InRange(lines.Count, 4, OutgoingLines.MaxLines);
        Assert.All(lines, line =>
        {
            Assert.StartsWith(Head, line);
            Assert.InRange(Encoding.UTF8.GetByteCount(line + "\r\n"), 1, 512);
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
        });
        var parts = lines.Select(l => l[Head.Length..]).ToList();
        Assert.All(parts, p => Assert.False(p.StartsWith(' ') || p.EndsWith(' '), $"'{p}' was cut beside a space"));
        Assert.Equal(reply, string.Join(' ', parts)); // every cut fell on a space: no word split, nothing lost
    }

    [Fact]
    public void A_reply_without_spaces_is_cut_on_character_boundaries_only()
    {
        var reply = string.Concat(Enumerable.Repeat("a🔥é", 200)); // 1,400 bytes, 4-byte emoji among 1- and 2-byte characters

        var parts = OutgoingLines.Of(Head, reply, "showbot").Select(l => l[Head.Length..]).ToList();

        Assert.True(parts.Count > 1);
        Assert.All(parts, p =>
        {
            Assert.False(char.IsHighSurrogate(p[^1]), "a part ends inside an emoji");
            Assert.False(char.IsLowSurrogate(p[0]), "a part starts inside an emoji");
            Assert.Equal(p, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))); // whole characters round-trip
        });
        Assert.Equal(reply, string.Concat(parts));
    }

    [Theory]
    [InlineData("Sold!\r\nPRIVMSG #other :oops", "PRIVMSG #show :Sold! PRIVMSG #other :oops")]
    [InlineData("a\rQUIT :bye\nb", "PRIVMSG #show :a QUIT :bye b")]
    [InlineData("\n\n  hi\u0000there  \r\n", "PRIVMSG #show :hi there")]
    public void Line_breaks_in_a_reply_never_start_another_command(string reply, string line) =>
        Assert.Equal([line], OutgoingLines.Of("PRIVMSG #show :", reply, "showbot"));

    [Fact]
    public void An_empty_or_blank_reply_writes_nothing_and_a_huge_one_at_most_the_cap() =>
        Assert.Equal((0, 0, OutgoingLines.MaxLines), (OutgoingLines.Of("PRIVMSG #show :", "", "bot").Count,
            OutgoingLines.Of("PRIVMSG #show :", "\r\n \t", "bot").Count, OutgoingLines.Of("PRIVMSG #show :", new string('x', 100_000), "bot").Count));
}
