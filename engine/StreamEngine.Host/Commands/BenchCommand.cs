using StreamEngine.Application;
using System.CommandLine;
using System.Text.Json;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>bench</c>: the live pipeline (render + encode, no output) measured against ffmpeg alone encoding the frames the
/// live run encoded, in alternating windows — so the figures are ratios on whatever machine runs it. The default show
/// is the demo (its scene, audience and auction script): a static scene is the best case, not the typical one.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var scene = new Option<string?>("--scene") { Description = "scene file (default: the demo show, samples/layers/scene.json, with its audience)" };
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT (default: the scene's)" };
        var fps = new Option<int?>("--fps") { Description = "frames per second (default: the scene's)" };
        var seconds = new Option<double>("--seconds") { Description = "seconds of each measured window (engine, then baseline)", DefaultValueFactory = _ => 10 };
        var pairs = new Option<int>("--pairs") { Description = "pairs of windows, engine then baseline; medians are reported", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var scripts = new Option<string[]>("--script") { Description = "show scripts to run during the measurement (their per-frame time is reported)" };
        var audience = AudienceOption.Create();
        var command = new Command("bench", "Measure the live pipeline against ffmpeg encoding the same frames alone.") { scene, size, fps, seconds, pairs, json, scripts, audience };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var window = parse.GetValue(seconds);
            if (window is < 1 or > 3600) throw new UserInputException("--seconds", "--seconds", $"expected 1 to 3600 seconds, got {window}");
            var pairCount = parse.GetValue(pairs);
            if (pairCount is < 3 or > 100) throw new UserInputException("--pairs", "--pairs", $"expected 3 to 100 pairs (a median needs three), got {pairCount}");
            var config = global.LoadConfig(parse);
            if (parse.GetValue(global.LogLevel) is null) config = config with { LogLevel = "warn" };
            using var loggers = GlobalOptions.Loggers(config);
            var demo = Path.Combine(DemoCommand.Home, "samples", "layers");
            var scenePath = parse.GetValue(scene) ?? Path.Combine(demo, "scene.json");
            var audiencePath = parse.GetValue(audience) ?? (parse.GetValue(scene) is null ? Path.Combine(demo, "audience.json") : null);
            using var session = ShowComposition.Open(config, scenePath, parse.GetValue(size), parse.GetValue(fps), loggers);
            await session.LoadScriptsAsync(parse.GetValue(scripts) ?? [], strict: true);
            await using var extensions = await ShowExtensions.StartAsync(session, scenePath, null, null, loggers, stop, AudienceOption.Read(audiencePath));
            session.Extensions = extensions;
            if (!parse.GetValue(json))
                Console.Error.WriteLine($"bench: {scenePath} at {session.Format}: {pairCount} pairs of {window} s windows (engine, then ffmpeg alone) …");
            var result = await new BenchRun(session, config, loggers).RunAsync(TimeSpan.FromSeconds(window), pairCount, stop);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, BenchResult.Json) : result.ToText());
            return CommandRunner.Ok;
        }));
        command.Subcommands.Add(BenchChatCommand.Create(global));
        command.Subcommands.Add(AvSyncCommand.Create(global));
        return command;
    }
}
