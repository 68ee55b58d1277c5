using StreamEngine.Application;
using System.CommandLine;
using StreamEngine.Host.LoadTest;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>loadtest</c>: against a running engine, many WebSocket clients subscribed to events while one sends layer
/// patches at a steady rate; prints requests answered and lost, events per client and frames dropped meanwhile.
/// </summary>
internal static class LoadTestCommand
{
    public static Command Create(GlobalOptions global)
    {
        var url = new Option<string?>("--url") { Description = "the engine's WebSocket (default ws://127.0.0.1:WS_PORT/)" };
        var clients = new Option<int>("--clients") { Description = "WebSocket clients subscribed to every event", DefaultValueFactory = _ => 200 };
        var rate = new Option<double>("--rate") { Description = "layer patches per second (the engine answers more than its WS_REQUESTS_PER_SECOND with status 209)", DefaultValueFactory = _ => 50 };
        var seconds = new Option<double>("--seconds") { Description = "how long to send patches", DefaultValueFactory = _ => 60 };
        var layer = new Option<string>("--layer") { Description = "id of the layer to patch", DefaultValueFactory = _ => "bid" };
        var command = new Command("loadtest", "Load a running engine's control plane and report what was lost.") { url, clients, rate, seconds, layer };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            if (parse.GetValue(clients) is < 1 or > 5000) throw new UserInputException("--clients", "--clients", "expected 1 to 5000");
            if (parse.GetValue(rate) is <= 0 or > 10000) throw new UserInputException("--rate", "--rate", "expected more than 0 and at most 10000 per second");
            var target = new Uri(parse.GetValue(url) ?? $"ws://127.0.0.1:{config.WsPort}/");
            var run = new LoadRun(target, config.WsPassword?.Value, parse.GetValue(layer)!, parse.GetValue(clients), parse.GetValue(rate),
                TimeSpan.FromSeconds(parse.GetValue(seconds)));
            var result = await run.RunAsync(stop);
            Console.WriteLine(result.ToJsonString());
            return result["requests_lost"]!.GetValue<long>() == 0 ? CommandRunner.Ok : CommandRunner.Failed;
        }));
        return command;
    }
}
