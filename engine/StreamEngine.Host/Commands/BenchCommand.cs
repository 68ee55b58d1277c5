using System.CommandLine;
using System.Text.Json;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>bench</c>: runs the live pipeline (render + encode, no output) and, in the same run, ffmpeg alone encoding the
/// same frames replayed from memory with identical settings — so the figures are ratios on whatever machine runs it.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var scene = new Option<string?>("--scene") { Description = "scene file (default: samples/hello/scene.json)" };
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT (default: the scene's)" };
        var fps = new Option<int?>("--fps") { Description = "frames per second (default: the scene's)" };
        var seconds = new Option<double>("--seconds") { Description = "measured seconds (after 2 s of warm-up)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var scripts = new Option<string[]>("--script") { Description = "show scripts to run during the measurement (their per-frame time is reported)" };
        var audience = AudienceOption.Create();
        var command = new Command("bench", "Measure the live pipeline against ffmpeg encoding the same frames alone.") { scene, size, fps, seconds, json, scripts, audience };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var duration = parse.GetValue(seconds);
            if (duration is < 1 or > 3600) throw new UserInputException("--seconds", "--seconds", $"expected 1 to 3600 seconds, got {duration}");
            var config = global.LoadConfig(parse);
            if (parse.GetValue(global.LogLevel) is null) config = config with { LogLevel = "warn" };
            using var loggers = GlobalOptions.Loggers(config);
            var scenePath = parse.GetValue(scene) ?? Path.Combine(DemoCommand.Home, "samples", "hello", "scene.json");
            using var session = ShowSession.Open(config, scenePath, parse.GetValue(size), parse.GetValue(fps), loggers);
            await session.LoadScriptsAsync(parse.GetValue(scripts) ?? [], strict: true);
            await using var extensions = await ShowExtensions.StartAsync(session, scenePath, null, null, loggers, stop, AudienceOption.Read(parse.GetValue(audience)));
            session.Extensions = extensions;
            if (!parse.GetValue(json)) Console.Error.WriteLine($"bench: {scenePath} at {session.Format} for {duration} s, then the ffmpeg baseline for {duration} s …");
            var result = await new BenchRun(session, config, loggers).RunAsync(TimeSpan.FromSeconds(duration), stop);
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, BenchResult.Json)
                : result.ToText());
            return CommandRunner.Ok;
        }));
        return command;
    }
}
