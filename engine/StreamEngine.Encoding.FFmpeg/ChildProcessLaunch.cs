using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// How the engine starts its ffmpeg children. Each runs in its own session (<c>setsid</c>), so the terminal's Ctrl+C
/// reaches only the engine, which then finishes its files itself; and each gets SIGKILL when the engine dies, even by
/// SIGKILL (<c>setpriv --pdeathsig KILL</c>), so none is left running. Where util-linux is missing, ffmpeg starts
/// directly. The children do not inherit the engine's secrets (tokens, passwords, keys) from its environment.
/// </summary>
internal static class ChildProcessLaunch
{
    private static readonly string? Setsid = Find("setsid");
    private static readonly string? Setpriv = Find("setpriv");
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = new();

    /// <summary>
    /// The kernel sends the parent-death signal when the thread that forked the child ends, not only the process:
    /// children are forked from this one thread, which lives as long as the engine (a pool thread may retire at any time).
    /// </summary>
    private static readonly Thread Launcher = new(Launch) { IsBackground = true, Name = "ffmpeg launcher" };

    /// <summary>Variables the engine reads its secrets from, and any other that looks like a credential.</summary>
    public static bool IsSecret(string name) =>
        name is "API_TOKEN" or "WS_PASSWORD"
        || name.StartsWith("REDIS_", StringComparison.Ordinal) || name.StartsWith("TWITTER_", StringComparison.Ordinal)
        || new[] { "TOKEN", "SECRET", "PASSWORD", "PASSPHRASE", "STREAM_KEY", "API_KEY" }.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Start information for <paramref name="executable"/>, wrapped as described above, with pipes for stdin, stdout and stderr.</summary>
    public static ProcessStartInfo Info(string executable, IEnumerable<string> arguments)
    {
        // Through the wrapper a missing ffmpeg would be the wrapper's exit code; it is reported as Process.Start reports it.
        var found = executable.Contains('/') ? (File.Exists(executable) ? executable : null) : Find(executable) ?? (OperatingSystem.IsLinux() ? null : executable);
        executable = found ?? throw new Win32Exception(2, $"'{executable}' was not found"); // ENOENT
        var wrapper = new List<string>();
        if (Setsid is not null) wrapper.Add(Setsid);
        if (Setpriv is not null) wrapper.AddRange([Setpriv, "--pdeathsig", "KILL", "--"]);
        var info = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in wrapper.Skip(1)) info.ArgumentList.Add(argument);
        if (wrapper.Count > 0) info.ArgumentList.Add(executable);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(IsSecret).ToList()) info.Environment.Remove(name);
        return info;
    }

    /// <summary>Starts <paramref name="process"/> from the launcher thread; throws what <see cref="Process.Start()"/> throws.</summary>
    public static void Start(Process process)
    {
        lock (Launcher)
            if (!Launcher.IsAlive) Launcher.Start();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        started.Task.GetAwaiter().GetResult();
    }

    private static void Launch()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    private static string? Find(string name)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/bin")
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}
