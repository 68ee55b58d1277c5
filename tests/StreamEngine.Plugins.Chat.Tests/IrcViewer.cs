using System.Net.Sockets;
using System.Text;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>A second IRC client, as a viewer: registers, joins the channel, says things and reads what others say.</summary>
internal sealed class IrcViewer : IDisposable
{
    private readonly TcpClient _tcp = new();
    private StreamReader _reader = null!;
    private StreamWriter _writer = null!;

    public static async Task<IrcViewer> JoinAsync(int port, string nick, string channel)
    {
        var viewer = new IrcViewer();
        await viewer._tcp.ConnectAsync("127.0.0.1", port);
        var stream = viewer._tcp.GetStream();
        viewer._reader = new StreamReader(stream, Encoding.UTF8);
        viewer._writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await viewer._writer.WriteLineAsync($"NICK {nick}");
        await viewer._writer.WriteLineAsync($"USER {nick} 0 * :viewer");
        await viewer.UntilAsync(l => l.Contains(" 001 "));
        await viewer._writer.WriteLineAsync($"JOIN {channel}");
        await viewer.UntilAsync(l => l.Contains(" 366 "));
        return viewer;
    }

    public Task SayAsync(string channel, string text) => _writer.WriteLineAsync($"PRIVMSG {channel} :{text}");

    /// <summary>Reads lines (answering PING) until one matches.</summary>
    public async Task<string> UntilAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new IOException("the server closed the connection");
            if (line.StartsWith("PING ")) await _writer.WriteLineAsync("PONG " + line[5..]);
            if (match(line)) return line;
        }
    }

    public void Dispose() => _tcp.Dispose();
}
