using StreamEngine.Application;
using System.CommandLine;
using StreamEngine.Host.Show;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using StreamEngine.Host.Fuzz;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>fuzz</c>: starts the demo show (or a given scene, or targets a running engine on this machine) and throws seeded
/// random and malformed requests at every front door — REST, WebSocket, chat, scenes, scripts — then reports what was
/// refused with a problem, what crashed, the frames delivered and dropped meanwhile, and the engine's peak memory.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create(GlobalOptions global)
    {
        var seconds = new Option<double>("--seconds") { Description = "how long to send requests", DefaultValueFactory = _ => 60 };
        var seed = new Option<int?>("--seed") { Description = "seed of the request sequence (default: a random one, printed); the same seed sends the same requests" };
        var scene = new Option<string?>("--scene") { Description = "scene file to run (default: the demo show, samples/layers, with its audience and auction script)" };
        var audience = AudienceOption.Create();
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT of the started engine (default: the scene's)" };
        var url = new Option<string?>("--url") { Description = "fuzz an engine already running on this machine at this REST URL (http://127.0.0.1:PORT/) instead of starting one" };
        var maxRequests = new Option<long>("--max-requests") { Description = "stop after this many requests", DefaultValueFactory = _ => 1_000_000 };
        var budget = new Option<int>("--memory-budget-mb") { Description = "engine memory (RSS) that counts as a crash and ends the run", DefaultValueFactory = _ => 2048 };
        var list = new Option<int?>("--list") { Description = "print the first N requests of the seed, one a line, and send nothing" };
        var show = new Option<int?>("--show") { Description = "print request N of the seed whole (to replay a finding), and send nothing" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("fuzz", "Throw random and malformed requests at a live engine and report crashes, frames and memory.")
            { seconds, seed, scene, audience, size, url, maxRequests, budget, list, show, json };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            var duration = parse.GetValue(seconds);
            if (duration is <= 0 or > 86_400) throw new UserInputException("--seconds", "--seconds", $"expected more than 0 and at most 86400, got {duration}");
            if (parse.GetValue(budget) is < 64 or > 1 << 20) throw new UserInputException("--memory-budget-mb", "--memory-budget-mb", "expected 64 to 1048576");
            var demo = parse.GetValue(scene) is null;
            var scenePath = Path.GetFullPath(parse.GetValue(scene) ?? Path.Combine(DemoCommand.Home, "samples", "layers", "scene.json"));
            if (!File.Exists(scenePath)) throw new UserInputException("--scene", "--scene", $"{scenePath}: no such file");
            var audiencePath = parse.GetValue(audience) ?? (demo ? Path.Combine(DemoCommand.Home, "samples", "layers", "audience.json") : null);
            var seedValue = parse.GetValue(seed) ?? Random.Shared.Next();

            if (parse.GetValue(list) is not null || parse.GetValue(show) is not null)
            {
                var preview = new FuzzPlan(seedValue, ShowFacts.Read(scenePath, Path.Combine(Path.GetTempPath(), "stream-engine-fuzz")));
                var whole = parse.GetValue(show);
                for (var i = 0; i < (parse.GetValue(list) ?? whole + 1); i++)
                {
                    var c = preview.Next();
                    if (whole is null) Console.WriteLine($"{i} {c.Door}: {c.Summary}");
                    else if (i == whole) Console.WriteLine($"{i} {c.Door}: {c.Describe(int.MaxValue)}");
                }
                return CommandRunner.Ok;
            }

            await using var target = parse.GetValue(url) is { } given
                ? Attach(given, config)
                : await FuzzTarget.StartAsync(scenePath, audiencePath, parse.GetValue(size), stop);
            var plan = new FuzzPlan(seedValue, ShowFacts.Read(scenePath, target.Folder));
            var report = new FuzzReport(seedValue, duration, parse.GetValue(url) ?? $"{Path.GetFileName(Path.GetDirectoryName(scenePath))}/{Path.GetFileName(scenePath)} started here")
                { MemoryBudget = (long)parse.GetValue(budget) << 20 };
            if (!parse.GetValue(json)) Console.Error.WriteLine($"fuzz: seed {seedValue}, {duration} s against {target.Rest} …");
            await new FuzzRun(target, plan, report, TimeSpan.FromSeconds(duration), parse.GetValue(maxRequests)).RunAsync(stop);
            var failed = report.Crashes > 0 || !report.Delivering;
            if (failed && parse.GetValue(url) is null)
            {
                target.Keep = true;
                report.EngineLog = target.LogPath;
            }
            Console.WriteLine(parse.GetValue(json) ? report.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : report.ToText());
            return failed ? CommandRunner.Failed : CommandRunner.Ok;
        }));
        return command;
    }

    /// <summary>An engine already running: only on this machine (loopback), with the configured token, password and WebSocket port.</summary>
    private static FuzzTarget Attach(string url, Config.EngineConfig config)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var rest) || rest.Scheme != "http")
            throw new UserInputException("--url", "--url", $"expected http://127.0.0.1:PORT/, got '{url}'");
        if (!(rest.IsLoopback || IPAddress.TryParse(rest.Host, out var ip) && IPAddress.IsLoopback(ip)))
            throw new UserInputException("--url", "--url", $"the fuzzer only targets an engine on this machine (loopback), not {rest.Host}");
        return FuzzTarget.Attach(new Uri(rest, "/"), new Uri($"ws://{rest.Host}:{config.WsPort}/"), config.ApiToken?.Value, config.WsPassword?.Value);
    }
}
