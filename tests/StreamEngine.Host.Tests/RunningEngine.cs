using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>An engine running a show live with its control plane, and an HTTP client for its REST API.</summary>
internal sealed class RunningEngine : IAsyncDisposable
{
    private RunningEngine(ProcessRunner process, Dictionary<string, string?> env, string recording)
    {
        Process = process;
        Environment = env;
        Recording = recording;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{env["PORT"]}/") };
    }

    public ProcessRunner Process { get; }
    public Dictionary<string, string?> Environment { get; }
    public string Recording { get; }
    public HttpClient Api { get; }
    public string Metrics => $"http://127.0.0.1:{Environment["METRICS_PORT"]}/metrics";
    public string Health => $"http://127.0.0.1:{Environment["HEALTH_PORT"]}/health";

    public static Task<RunningEngine> StartAsync(string recording, string scene = "hello", params (string, string?)[] env) =>
        StartSceneAsync(recording, RepoPaths.Samples(scene, "scene.json"), Engine.Environment(env));

    /// <summary>Starts a scene file with a given environment (reuse one to restart the same show on the same data).</summary>
    public static Task<RunningEngine> StartSceneAsync(string recording, string scenePath, Dictionary<string, string?> environment, params string[] extraArgs) =>
        StartSceneAtSizeAsync(recording, scenePath, environment, "320x180", extraArgs);

    /// <summary>Starts a scene file at a given frame size (WIDTHxHEIGHT).</summary>
    public static async Task<RunningEngine> StartSceneAtSizeAsync(string recording, string scenePath, Dictionary<string, string?> environment, string size, params string[] extraArgs)
    {
        var engine = Launch(recording, scenePath, environment, size, extraArgs);
        await engine.Process.WaitForLineAsync(l => l.Contains("Control plane on"), TimeSpan.FromSeconds(60));
        return engine;
    }

    /// <summary>Starts the engine without waiting for its control plane (a failover standby waits before it starts one).</summary>
    public static RunningEngine Launch(string recording, string scenePath, Dictionary<string, string?> environment, string size, params string[] extraArgs) =>
        new(ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "run", "--scene", scenePath,
            "--size", size, "--output", recording, "--status-every", "1", .. extraArgs], environment), environment, recording);

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public async Task<JsonObject> GetObjectAsync(string path) => (await Api.GetFromJsonAsync<JsonObject>(path))!;

    public async Task StopAsync()
    {
        Process.Signal(ProcessRunner.SigTerm);
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited) await StopAsync();
        Process.Dispose();
        Api.Dispose();
    }
}
