using StreamEngine.Plugins.Chat.Irc;
using StreamEngine.Sdk.Chat;
using StreamEngine.TestFixtures;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>
/// The generic IRC source against a real IRC server (ngircd) on loopback: a viewer's messages arrive as chat, the show
/// can answer, and when the server is killed and started again the source reconnects by itself and messages flow again.
/// </summary>
public sealed class IrcSourceTests
{
    [Fact]
    public async Task Messages_from_another_client_arrive_and_flow_again_after_the_server_is_killed_and_restarted()
    {
        using var server = new IrcServer();
        await using var run = await SourceRun.StartAsync(new IrcSourceType(), $$"""{ "url": "irc://127.0.0.1:{{server.Port}}/#show", "nick": "engine" }""");
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Live, "joined #show");
        using (var viewer = await IrcViewer.JoinAsync(server.Port, "mara", "#show"))
        {
            await viewer.SayAsync("#show", "2.6 ETH");
            await viewer.SayAsync("#show", "\u0001ACTION claps\u0001");
            var messages = await run.UntilAsync(m => m.Count == 2, "two messages from mara");
            Assert.Equal([("mara", "mara", "2.6 ETH"), ("mara", "mara", "claps")], messages.Select(m => (m.Author, m.AuthorId, m.Text)));
            Assert.True(run.Source.CanSend);
            await run.Source.SendAsync("Sold to mara!", null, CancellationToken.None);
            Assert.EndsWith("PRIVMSG #show :Sold to mara!", await viewer.UntilAsync(l => l.Contains("PRIVMSG")));
        }

        server.Stop();
        await run.UntilStateAsync(s => s.State == ChatConnectionState.Reconnecting, "the lost connection reported");
        server.Start();
        await run.UntilAsync(_ => run.Sink.States.Count(s => s.State == ChatConnectionState.Live) == 2, "live again", seconds: 60);
        using var again = await IrcViewer.JoinAsync(server.Port, "kenji", "#show");
        await again.SayAsync("#show", "3 ETH");
        await run.UntilAsync(m => m.Any(x => (x.Author, x.Text) == ("kenji", "3 ETH")), "a message after the restart");
    }
}
