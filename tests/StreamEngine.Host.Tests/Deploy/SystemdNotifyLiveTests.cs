using System.Net.Sockets;
using System.Text;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>The engine speaks systemd's notify protocol to the socket systemd gives it, as the unit's Type=notify and WatchdogSec expect.</summary>
public sealed class SystemdNotifyLiveTests
{
    [Fact]
    public async Task A_running_show_says_ready_then_pings_the_watchdog_while_frames_tick_and_says_stopping_on_SIGTERM()
    {
        using var folder = new TempDirectory();
        var path = folder.File("notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var messages = new List<string>();
        var env = Engine.Environment(("NOTIFY_SOCKET", path), ("WATCHDOG_USEC", "1000000"));
        await using var engine = await RunningEngine.StartSceneAsync(folder.File("show.mp4"), RepoPaths.Samples("hello", "scene.json"), env);

        // Half the watchdog period is 0.5 s: a few seconds bring READY=1 and several pings.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && messages.Count(m => m == "WATCHDOG=1") < 3)
            messages.Add(await ReceiveAsync(socket, deadline));
        Assert.StartsWith("READY=1", messages[0]);
        Assert.True(messages.Count(m => m == "WATCHDOG=1") >= 3, string.Join(" | ", messages));

        await engine.StopAsync();
        Assert.Equal(0, engine.Process.ExitCode);
        var rest = new List<string>();
        while (socket.Available > 0) rest.Add(await ReceiveAsync(socket, DateTime.UtcNow.AddSeconds(1)));
        Assert.Equal("STOPPING=1", rest.LastOrDefault());
    }

    [Fact]
    public async Task Without_NOTIFY_SOCKET_the_engine_runs_and_says_nothing_about_systemd()
    {
        using var folder = new TempDirectory();
        await using var engine = await RunningEngine.StartSceneAsync(folder.File("show.mp4"), RepoPaths.Samples("hello", "scene.json"), Engine.Environment());
        await Task.Delay(1500);
        await engine.StopAsync();
        Assert.Equal(0, engine.Process.ExitCode);
        Assert.DoesNotContain("systemd", engine.Process.AllOutput);
    }

    private static async Task<string> ReceiveAsync(Socket socket, DateTime deadline)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(deadline - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
