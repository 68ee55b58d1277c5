using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The engine's ffmpeg children: no secrets in what they are shown or given, no Ctrl+C of their own, none outliving the engine.</summary>
public sealed class ChildProcessLiveTests : IDisposable
{
    private const string Token = "api-token-do-not-leak-1";
    private readonly TempDirectory _dir = new("children");

    [Fact]
    public async Task A_key_as_the_only_path_segment_is_masked_and_ffmpeg_inherits_no_secret_from_the_environment()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"), "hello", ("API_TOKEN", Token), ("WS_PASSWORD", "ws-do-not-leak"),
            ("REDIS_PASSWORD", "redis-do-not-leak"), ("TWITTER_API_SECRET", "twitter-do-not-leak"), ("RECORDINGS_DIR", _dir.Root));
        engine.Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var port = FreePort.Tcp(); // nobody listens: the output keeps reconnecting, its errors quoting the URL

        var added = await engine.Api.PostAsync("api/outputs", RunningEngine.Json($$"""{ "target": "rtmp://127.0.0.1:{{port}}/SECRETKEY" }"""));
        Assert.Equal(201, (int)added.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var listed = await engine.Api.GetStringAsync("api/outputs");
        Assert.Contains($"rtmp://127.0.0.1:{port}/****", listed);
        Assert.DoesNotContain("SECRETKEY", listed);
        Assert.DoesNotContain("SECRETKEY", engine.Process.AllOutput);

        var children = ChildProcesses.Of(engine.Process.Id).Where(c => c.Command == "ffmpeg").ToList();
        Assert.True(children.Count >= 2, "the encoder and the file's remux should be running");
        foreach (var child in children)
        {
            var environment = await File.ReadAllTextAsync($"/proc/{child.Pid}/environ");
            Assert.Contains("STREAM_ENGINE_PLUGINS=", environment); // the child's real environment, read
            foreach (var secret in new[] { "API_TOKEN", "WS_PASSWORD", "REDIS_PASSWORD", "TWITTER_API_SECRET", "do-not-leak" })
                Assert.DoesNotContain(secret, environment);
            Assert.NotEqual(ChildProcesses.Session(engine.Process.Id), ChildProcesses.Session(child.Pid)); // no terminal signals of its own
        }
    }

    [Fact]
    public async Task Ctrl_c_on_the_demo_stops_it_cleanly_without_a_reconnect_and_leaves_a_playable_recording()
    {
        // A terminal's Ctrl+C goes to its whole foreground process group: the engine runs in a group of its own, which
        // the test signals as a terminal would (env restores SIGINT where a background shell started the tests ignoring it).
        var env = Engine.Environment(("RECORDINGS_DIR", _dir.Root));
        using var demo = ProcessRunner.Start("setsid", ["env", "--default-signal=INT", "dotnet", RepoPaths.BuiltEngine, "demo", "--seconds", "120"], env);
        await demo.WaitForLineAsync(l => l.Contains("Output out1") && l.Contains(": Live"), TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));

        ProcessRunner.Signal(-demo.Id, ProcessRunner.SigInt);
        await demo.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(demo.HasExited, "the demo should stop on Ctrl+C:\n" + demo.AllOutput);
        Assert.DoesNotContain(demo.Stderr, l => l.Contains("Reconnecting") || l.Contains("exited with code"));
        Assert.Contains(demo.Stderr, l => l.Contains("Recording saved"));
        var recording = Directory.GetFiles(_dir.Root, "demo-*.mp4").Single();
        Assert.True((await Media.ProbeAsync(recording)).Frames > 30, "the recording should play to its end");
    }

    [Fact]
    public async Task No_ffmpeg_outlives_an_engine_killed_with_sigkill()
    {
        // A server that accepts the connection and never answers: its ffmpeg waits in the RTMP handshake and would not
        // notice its input closing, so only the parent-death signal can end it.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var rtmp = $"rtmp://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/live/key";
        await using var engine = await RunningEngine.StartSceneAsync(_dir.File("show.ts"), RepoPaths.Samples("hello", "scene.json"), Engine.Environment(), "--output", rtmp);
        await engine.Process.WaitForLineAsync(l => l.Contains(": Live"), TimeSpan.FromSeconds(30));
        var children = ChildProcesses.Of(engine.Process.Id).Where(c => c.Command == "ffmpeg").Select(c => c.Pid).ToList();
        Assert.True(children.Count >= 3, "the encoder, the file's remux and the RTMP remux should be running");

        engine.Process.Signal(ProcessRunner.SigKill);
        await engine.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var alive = children;
        for (var attempt = 0; attempt < 50 && alive.Count > 0; attempt++)
        {
            await Task.Delay(100);
            alive = alive.Where(ChildProcesses.IsRunning).ToList();
        }
        Assert.True(alive.Count == 0, $"ffmpeg {string.Join(", ", alive)} outlived the engine");
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>Processes as /proc shows them.</summary>
internal static class ChildProcesses
{
    public static IEnumerable<(int Pid, string Command)> Of(int parent)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || Stat(pid) is not { } stat) continue;
            if (stat.Parent == parent) yield return (pid, stat.Command);
        }
    }

    public static int Session(int pid) => Stat(pid)?.Session ?? -1;

    /// <summary>Running (a zombie has ended, its parent just has not reaped it).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { State: not 'Z' and not 'X' };

    private static (string Command, char State, int Parent, int Session)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // pid (comm) state ppid pgrp session …; comm may hold spaces, so read around its parentheses.
        var (open, close) = (text.IndexOf('('), text.LastIndexOf(')'));
        var fields = text[(close + 2)..].Split(' ');
        return (text[(open + 1)..close], fields[0][0], int.Parse(fields[1]), int.Parse(fields[3]));
    }
}
