using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>The engine's CLI as a user runs it: the Release build made by <c>./stream-engine build</c> (tests/run.sh does it first).</summary>
internal static class Engine
{
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
            ["STREAM_ENGINE_DATA"] = Directory.CreateTempSubdirectory("se-data-").FullName,
        };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
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
