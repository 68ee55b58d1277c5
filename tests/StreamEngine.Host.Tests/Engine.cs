using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The engine's CLI as a user runs it: the Release build made by <c>./stream-engine build</c> (tests/run.sh does it first).</summary>
internal static class Engine
{
    private static readonly List<string> DataDirectories = [];

    static Engine() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveDataDirectories();

    public static Dictionary<string, string?> Environment(params (string Key, string? Value)[] extra)
    {
        if (!File.Exists(RepoPaths.BuiltEngine))
            throw new InvalidOperationException($"{RepoPaths.BuiltEngine} is missing: run ./stream-engine build (tests/run.sh does)");
        var env = new Dictionary<string, string?>
        {
            ["STREAM_ENGINE_PLUGINS"] = RepoPaths.BuiltPlugins,
            ["STREAM_ENGINE_HOME"] = RepoPaths.Root,
            ["HWACCEL"] = "none",
            ["LOG_FORMAT"] = "text",
            // Every engine a test starts gets its own control-plane ports and data directory.
            ["PORT"] = FreePort.Tcp().ToString(),
            ["WS_PORT"] = FreePort.Tcp().ToString(),
            ["METRICS_PORT"] = FreePort.Tcp().ToString(),
            ["HEALTH_PORT"] = FreePort.Tcp().ToString(),
            ["STREAM_ENGINE_DATA"] = NewDataDirectory(),
        };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    /// <summary>A data directory for one engine (reused by a test that restarts the same show), removed when the tests end.</summary>
    private static string NewDataDirectory()
    {
        var path = Directory.CreateTempSubdirectory("se-data-").FullName;
        lock (DataDirectories) DataDirectories.Add(path);
        return path;
    }

    private static void RemoveDataDirectories()
    {
        lock (DataDirectories)
            foreach (var path in DataDirectories)
                try { Directory.Delete(path, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
    }

    public static ProcessRunner Start(IEnumerable<string> args, params (string, string?)[] env) =>
        ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, .. args], Environment(env));

    public static async Task<ProcessRunner> RunAsync(IEnumerable<string> args, params (string, string?)[] env)
    {
        var run = Start(args, env);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return run;
    }
}
