using System.Net;
using System.Net.Sockets;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>A TCP server that accepts connections and never reads or answers: a hung RTMP server.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Server.ReceiveBufferSize = 4096;
        _listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_accepted) _accepted.Add(socket);
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted) _accepted.ForEach(s => s.Dispose());
    }
}
