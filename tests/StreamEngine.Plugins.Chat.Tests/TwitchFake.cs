using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StreamEngine.Plugins.Chat.Tests;

/// <summary>A scripted stand-in for Twitch's IRC server on loopback: the test reads what the client sends and writes Twitch's lines.</summary>
internal sealed class TwitchFake : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _client;
    private StreamReader? _reader;
    private StreamWriter? _writer;

    public TwitchFake() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Waits for the client to connect (again).</summary>
    public async Task AcceptAsync()
    {
        _client?.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _client = await _listener.AcceptTcpClientAsync(timeout.Token);
        var stream = _client.GetStream();
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
    }

    /// <summary>The next line the client sent.</summary>
    public async Task<string> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _reader!.ReadLineAsync(timeout.Token) ?? throw new IOException("the client closed the connection");
    }

    public Task SendAsync(string line) => _writer!.WriteLineAsync(line);

    /// <summary>Reads the anonymous login and welcomes the client into the channel.</summary>
    public async Task<List<string>> LogInAsync(string channel)
    {
        var login = new List<string> { await ReadAsync(), await ReadAsync() };
        await SendAsync(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands");
        await SendAsync(":tmi.twitch.tv 001 justinfan12345 :Welcome, GLHF!");
        login.Add(await ReadAsync());
        await SendAsync($":justinfan12345!justinfan12345@justinfan12345.tmi.twitch.tv JOIN {channel}");
        return login;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _listener.Stop();
    }
}
