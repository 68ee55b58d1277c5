using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>
/// A real nginx with the RTMP module on a free loopback port, configured in its own temp directory.
/// It can be stopped (killed, as a crashed server would be) and started again on the same port.
/// </summary>
public sealed class NginxRtmpServer : IDisposable
{
    private const string RtmpModule = "/usr/share/nginx/modules/ngx_rtmp_module.so";

    private readonly string _directory = Directory.CreateTempSubdirectory("se-nginx-").FullName;
    private Process? _nginx;

    public NginxRtmpServer()
    {
        Port = FreePort();
        File.WriteAllText(ConfigPath, $$"""
            load_module {{RtmpModule}};
            daemon off;
            master_process off;
            worker_processes 1;
            error_log {{_directory}}/error.log info;
            pid {{_directory}}/nginx.pid;
            events { worker_connections 64; }
            rtmp {
                server {
                    listen 127.0.0.1:{{Port}};
                    application live { live on; }
                }
            }
            """);
        Start();
    }

    public int Port { get; }

    private string ConfigPath => Path.Combine(_directory, "nginx.conf");

    public string StreamUrl(string key) => $"rtmp://127.0.0.1:{Port}/live/{key}";

    public void Start()
    {
        var info = new ProcessStartInfo("nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", ConfigPath, "-p", _directory, "-e", Path.Combine(_directory, "error.log") })
            info.ArgumentList.Add(arg);
        _nginx = Process.Start(info)!;
        _nginx.BeginErrorReadLine();
        _nginx.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Accepts())
        {
            if (_nginx.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("nginx did not start: " + File.ReadAllText(Path.Combine(_directory, "error.log")));
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills nginx, dropping every publisher and player at once.</summary>
    public void Stop()
    {
        if (_nginx is null) return;
        _nginx.Kill();
        _nginx.WaitForExit();
        _nginx.Dispose();
        _nginx = null;
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
