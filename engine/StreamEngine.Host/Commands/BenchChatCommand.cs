using System.CommandLine;
using System.Text.Json.Nodes;
using StreamEngine.Application;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Pipeline;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>bench chat</c>: the demo show live with the simulated audience at a high rate through every chat stage into the
/// chat layer; prints frames, drops, render times, memory over the run and what happened to the messages.
/// </summary>
internal static class BenchChatCommand
{
    public static Command Create(GlobalOptions global)
    {
        var rate = new Option<double>("--rate") { Description = "messages per second from the simulated audience (1 to 500)", DefaultValueFactory = _ => 500 };
        var seconds = new Option<double>("--seconds") { Description = "how long the show runs", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "the audience's seed (a run repeats exactly)", DefaultValueFactory = _ => 3 };
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT", DefaultValueFactory = _ => "1280x720" };
        var trace = new Option<bool>("--trace") { Description = "also report each frame over 25 ms (or started that late): its phases, CPU time, time waiting for a core, GC pauses" };
        var command = new Command("chat", "Run the demo show live with the simulated audience at a high rate and report frames, memory and messages.") { rate, seconds, seed, size, trace };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            if (parse.GetValue(rate) is < 1 or > 500) throw new UserInputException("--rate", "--rate", $"expected 1 to 500 messages per second, got {parse.GetValue(rate)}");
            if (parse.GetValue(seconds) is < 5 or > 3600) throw new UserInputException("--seconds", "--seconds", $"expected 5 to 3600 seconds, got {parse.GetValue(seconds)}");
            var config = global.LoadConfig(parse);
            if (parse.GetValue(global.LogLevel) is null) config = config with { LogLevel = "warn" };
            using var loggers = GlobalOptions.Loggers(config);
            var scenePath = Path.Combine(DemoCommand.Home, "samples", "layers", "scene.json");
            using var show = ShowComposition.Open(config, scenePath, parse.GetValue(size), 30, loggers);
            await show.LoadScriptsAsync([], strict: true);
            var audience = new ChatSourceConfig("audience", AudienceOption.DefaultType, new JsonObject { ["rate"] = parse.GetValue(rate), ["seed"] = (double)parse.GetValue(seed) });
            await using var extensions = await ShowExtensions.StartAsync(show, scenePath, null, null, loggers, stop, audience);
            show.Extensions = extensions;
            Console.Error.WriteLine($"bench chat: {scenePath} at {show.Format}, {parse.GetValue(rate)} messages/s for {parse.GetValue(seconds)} s …");
            var result = await new ChatLoadRun(show, extensions, config, loggers).RunAsync(TimeSpan.FromSeconds(parse.GetValue(seconds)), stop,
                parse.GetValue(trace) ? new FrameTrace() : null);
            Console.WriteLine(result.ToJsonString());
            return CommandRunner.Ok;
        }));
        return command;
    }
}
