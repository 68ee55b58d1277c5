using System.CommandLine;
using StreamEngine.Application;
using System.Text.Json;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>auction export [--format csv|json] [--out FILE] [--scene FILE] [--sale ID]</c>: the auctioneer's sales log
/// (winner, price, time, every bid with its fate) from the show's state store, the newest sale by default.
/// </summary>
internal static class AuctionCommand
{
    private const string Behaviour = "auctioneer";

    public static Command Create(GlobalOptions global)
    {
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out") { Description = "write to this file (default: standard output)" };
        var scene = new Option<string?>("--scene") { Description = "the show whose store to read (default: the demo, samples/auction-show/scene.json)" };
        var sale = new Option<string?>("--sale") { Description = "which sale (default: the newest); ids are listed with --format json" };
        var export = new Command("export", "Print the sales log: each lot's winner, price and time, and every bid with its fate.") { format, output, scene, sale };
        export.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var kind = parse.GetValue(format)!;
            if (kind is not ("csv" or "json")) throw new UserInputException("--format", "--format", $"expected csv or json, got '{kind}'");
            var config = global.LoadConfig(parse);
            using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
            var scenePath = parse.GetValue(scene) ?? DemoCommand.Scene;
            await using var store = ShowComposition.OpenStore(config, scenePath, loggers);
            var sales = await store.ReadEventsAsync($"behaviour:{Behaviour}:sales", stop);
            var ids = sales.Select(s => s["sale"]?.GetValue<string>()).OfType<string>().ToList();
            var id = parse.GetValue(sale) ?? ids.LastOrDefault()
                ?? throw new UserInputException("auction export", "--scene", $"{store.Description} has no auction for {scenePath}: run the show first (./stream-engine demo)");
            var records = await store.ReadEventsAsync($"behaviour:{Behaviour}:log-{id}", stop);
            if (records.Count == 0) throw new UserInputException("--sale", "--sale", $"no records of sale '{id}' in {store.Description}; sales: {string.Join(", ", ids)}");
            var log = AuctionSales.Fold(id, records);
            log["sales"] = new System.Text.Json.Nodes.JsonArray([.. ids.Select(s => (System.Text.Json.Nodes.JsonNode)s)]);
            var text = kind == "json" ? log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n" : AuctionSales.Csv(log);
            if (parse.GetValue(output) is { } path)
            {
                try { await File.WriteAllTextAsync(path, text, stop); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
                {
                    throw new UserInputException("--out", "--out", $"cannot write {path}: {e.Message}");
                }
            }
            else Console.Out.Write(text);
            return CommandRunner.Ok;
        }));
        return new Command("auction", "Work with the auctioneer's records.") { export };
    }
}
