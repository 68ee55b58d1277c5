using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The engine live, as a user runs it, against a real nginx-rtmp server and real readers.</summary>
public sealed partial class LiveTests : IDisposable
{
    private readonly TempDirectory _dir = new("live");
    private readonly NginxRtmpServer _nginx = new();

    private ProcessRunner StartShow(params string[] outputs) => Engine.Start(
        ["run", "--scene", RepoPaths.Samples("hello", "scene.json"), "--size", "320x180", "--status-every", "0.5",
         .. outputs.SelectMany(o => new[] { "--output", o })], ("KEYFRAME_INTERVAL", "1"));

    [GeneratedRegex(@"Frames (\d+), dropped (\d+)")]
    private static partial Regex StatusLine();

    private static (long Frames, long Dropped) LastStatus(ProcessRunner engine)
    {
        var match = engine.Stderr.Select(l => StatusLine().Match(l)).LastOrDefault(m => m.Success)
            ?? throw new InvalidOperationException("no status line yet:\n" + engine.AllOutput);
        return (long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@": (Connecting|Live|Reconnecting|Failed|Stopped)\b")]
    private static partial Regex StateChange();

    private static string? StateIn(string line) => line.Contains("Output out") && StateChange().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    private static Func<string, bool> OutputState(string target, string state) =>
        line => line.Contains(target) && StateIn(line) == state;

    [Fact]
    public async Task The_stream_comes_back_by_itself_after_the_rtmp_server_restarts()
    {
        var recording = _dir.File("show.mp4");
        using var engine = StartShow(_nginx.Url("show"), recording);
        var rtmp = $"127.0.0.1:{_nginx.Port}/live/";
        await engine.WaitForLineAsync(OutputState(rtmp, "Live"), TimeSpan.FromSeconds(30));

        var before = await Media.ProbeAsync(_nginx.Url("show"), countFrames: false, TimeSpan.FromSeconds(20));
        Assert.Equal(("h264", 320, 180), (before.Codec, before.Width, before.Height));

        _nginx.Stop();
        await engine.WaitForLineAsync(OutputState(rtmp, "Reconnecting"), TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(engine.HasExited, "the engine exited while the server was down:\n" + engine.AllOutput);
        _nginx.Start();

        await engine.WaitForLineAsync(OutputState(rtmp, "Live"), TimeSpan.FromSeconds(60), skip: 1);
        var after = await Media.ProbeAsync(_nginx.Url("show"), countFrames: false, TimeSpan.FromSeconds(20));
        Assert.Equal("h264", after.Codec);

        var states = engine.Stderr.Where(l => l.Contains(rtmp)).Select(StateIn).OfType<string>().ToList();
        Assert.Equal(["Connecting", "Live", "Reconnecting"], states.Take(3));
        Assert.Equal("Live", states[^1]);
        Assert.DoesNotContain(engine.Stderr, l => OutputState(recording, "Reconnecting")(l)); // the file output was never interrupted

        await Task.Delay(1000); // a status line after the outage
        var (frames, dropped) = LastStatus(engine);
        engine.Signal(ProcessRunner.SigTerm);
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);

        // The encoder never waited for the server: frames were not dropped because of the outage.
        Assert.True(dropped <= frames / 20, $"dropped {dropped} of {frames} frames");
        var file = await Media.ProbeAsync(recording);
        Assert.True(file.Frames >= frames * 0.8 - 30, $"the recording has {file.Frames} frames; the engine rendered {frames}");
    }

    [Fact]
    public async Task A_killed_encoder_is_restarted_and_the_frame_clock_keeps_ticking()
    {
        using var engine = StartShow(_nginx.Url("kill"));
        await engine.WaitForLineAsync(OutputState("/live/", "Live"), TimeSpan.FromSeconds(30));
        await engine.WaitForLineAsync(l => StatusLine().IsMatch(l), TimeSpan.FromSeconds(10));

        var encoder = ChildProcesses(engine.Id).Single(p => p.CommandLine.Contains("rawvideo"));
        var (framesAtKill, _) = LastStatus(engine);
        ProcessRunner.Signal(encoder.Pid, ProcessRunner.SigKill);

        var restarted = await Poll(() => ChildProcesses(engine.Id).FirstOrDefault(p => p.CommandLine.Contains("rawvideo") && p.Pid != encoder.Pid), TimeSpan.FromSeconds(30));
        Assert.NotNull(restarted);
        await Task.Delay(1500);
        var (framesLater, _) = LastStatus(engine);
        Assert.False(engine.HasExited);
        Assert.True(framesLater > framesAtKill + 30, $"the frame clock stalled: {framesAtKill} -> {framesLater} frames");
        Assert.Contains(engine.Stderr, l => l.Contains("Encoder ffmpeg stopped") && l.Contains("restarting"));
        var probe = await Media.ProbeAsync(_nginx.Url("kill"), countFrames: false, TimeSpan.FromSeconds(20));
        Assert.Equal("h264", probe.Codec);

        engine.Signal(ProcessRunner.SigTerm); // not SIGINT: a process started in the background by a non-interactive shell ignores it
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);
    }

    [Fact]
    public async Task Stopping_with_SIGTERM_leaves_a_playable_recording()
    {
        var recording = _dir.File("stop.mp4");
        using var engine = StartShow(recording);
        await engine.WaitForLineAsync(l => StatusLine().IsMatch(l) && LastStatus(engine).Frames > 60, TimeSpan.FromSeconds(30));

        engine.Signal(ProcessRunner.SigTerm);
        await engine.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, engine.ExitCode);
        var file = await Media.ProbeAsync(recording);
        Assert.Equal(("h264", 320, 180), (file.Codec, file.Width, file.Height));
        Assert.True(file.Frames >= 60, $"{file.Frames} frames");
    }

    private sealed record ChildProcess(int Pid, string CommandLine);

    private static async Task<T?> Poll<T>(Func<T?> probe, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found) return found;
            await Task.Delay(100);
        }
        return null;
    }

    private static IEnumerable<ChildProcess> ChildProcesses(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .Select(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                    return ppid == parent ? new ChildProcess(pid, File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')) : null;
                }
                catch (IOException) { return null; }
            })
            .OfType<ChildProcess>()
            .ToList();

    public void Dispose()
    {
        _nginx.Dispose();
        _dir.Dispose();
    }
}
