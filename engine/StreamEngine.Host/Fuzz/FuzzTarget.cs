using StreamEngine.Application;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// The engine under fuzz: one this command starts (<c>run</c> of the show, recording into a temporary folder, on free
/// loopback ports, with a fresh token and password), or one already running at a given URL.
/// </summary>
internal sealed class FuzzTarget : IAsyncDisposable
{
    private readonly Process? _engine;
    private readonly StreamWriter? _log;

    private FuzzTarget(Uri rest, Uri webSocket, string? token, string? password, string folder, Process? engine, StreamWriter? log)
    {
        Rest = rest;
        WebSocket = webSocket;
        Token = token;
        Password = password;
        Folder = folder;
        _engine = engine;
        _log = log;
    }

    public Uri Rest { get; }
    public Uri WebSocket { get; }
    public string? Token { get; }
    public string? Password { get; }

    /// <summary>The fuzzer's own folder: the engine's recording, data and log, and the only place file outputs are aimed at.</summary>
    public string Folder { get; }

    public string LogPath => Path.Combine(Folder, "engine.log");

    /// <summary>Keep the folder (with the engine's log) after the run, when there is something to look into.</summary>
    public bool Keep { get; set; }

    public int? ExitCode => _engine is { HasExited: true } ? _engine.ExitCode : null;

    public static FuzzTarget Attach(Uri rest, Uri webSocket, string? token, string? password) =>
        new(rest, webSocket, token, password, Directory.CreateTempSubdirectory("stream-engine-fuzz-").FullName, null, null);

    /// <summary>Starts <c>run --scene SCENE</c> of this same engine build and waits for its control plane.</summary>
    public static async Task<FuzzTarget> StartAsync(string scene, string? audience, string? size, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("stream-engine-fuzz-").FullName;
        var (port, wsPort) = (FreePort(), FreePort());
        var (token, password) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        string[] args = [typeof(Program).Assembly.Location, "run", "--scene", scene, "--output", Path.Combine(folder, "recording.mp4"), "--fresh", "--status-every", "5"];
        foreach (var a in args) info.ArgumentList.Add(a);
        if (audience is not null) { info.ArgumentList.Add("--audience"); info.ArgumentList.Add(audience); }
        if (size is not null) { info.ArgumentList.Add("--size"); info.ArgumentList.Add(size); }
        info.Environment["PORT"] = port.ToString();
        info.Environment["WS_PORT"] = wsPort.ToString();
        info.Environment["METRICS_PORT"] = FreePort().ToString();
        info.Environment["HEALTH_PORT"] = FreePort().ToString();
        info.Environment["BIND_ADDRESS"] = "127.0.0.1";
        info.Environment["STREAM_ENGINE_DATA"] = Path.Combine(folder, "data");
        info.Environment["API_TOKEN"] = token;
        info.Environment["WS_PASSWORD"] = password;
        info.Environment["LOG_FORMAT"] = "text";

        var log = new StreamWriter(Path.Combine(folder, "engine.log")) { AutoFlush = true };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new Process { StartInfo = info, EnableRaisingEvents = true };
        DataReceivedEventHandler write = (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.WriteLine(e.Data);
            if (e.Data.Contains("Control plane on", StringComparison.Ordinal)) ready.TrySetResult();
        };
        engine.OutputDataReceived += write;
        engine.ErrorDataReceived += write;
        engine.Exited += (_, _) => ready.TrySetResult();
        engine.Start();
        engine.BeginOutputReadLine();
        engine.BeginErrorReadLine();
        var target = new FuzzTarget(new Uri($"http://127.0.0.1:{port}/"), new Uri($"ws://127.0.0.1:{wsPort}/"), token, password, folder, engine, log);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);
        if (engine.HasExited)
        {
            target.Keep = true;
            await target.DisposeAsync();
            throw new UserInputException(scene, "engine", $"the engine exited with code {engine.ExitCode} before its control plane was up; its log: {target.LogPath}");
        }
        return target;
    }

    /// <summary>Resident memory of the engine now and at its peak (VmRSS, VmHWM from /proc), when this command started it.</summary>
    public (long Now, long Peak)? Memory()
    {
        if (_engine is null || _engine.HasExited) return null;
        try
        {
            var lines = File.ReadAllLines($"/proc/{_engine.Id}/status");
            long Kb(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } l
                ? long.Parse(l[key.Length..].Trim().Split(' ')[0]) * 1024 : 0;
            return (Kb("VmRSS:"), Kb("VmHWM:"));
        }
        catch (IOException) { return null; }
    }

    public IReadOnlyList<string> LogTail(int count)
    {
        if (_log is null) return [];
        lock (_log)
        {
            using var read = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(read);
            var lines = new Queue<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Enqueue(line);
                if (lines.Count > count) lines.Dequeue();
            }
            return [.. lines];
        }
    }

    /// <summary>Stops the engine as an operator would (SIGTERM), killing it only if it does not stop in 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            if (!_engine.HasExited && kill(_engine.Id, 15) == 0)
                await _engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { });
            if (!_engine.HasExited) _engine.Kill(entireProcessTree: true);
            await _engine.WaitForExitAsync();
            _engine.Dispose();
        }
        if (_log is not null) lock (_log) _log.Dispose();
        if (!Keep)
            try { Directory.Delete(Folder, recursive: true); }
            catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
