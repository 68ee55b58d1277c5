using StreamEngine.Application;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Host.Config;
using StreamEngine.State;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>state export FILE</c> and <c>state import FILE</c>: a show's whole state (snapshot and event streams) to and
/// from one JSON file, from the configured store (SQLite in STREAM_ENGINE_DATA, or Redis with REDIS_URL). Export is
/// consistent while the show runs; import replaces what the store holds, for an engine that is not running yet.
/// </summary>
internal static class StateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var exportFile = new Argument<string>("file") { Description = "where to write the state (JSON)" };
        var importFile = new Argument<string>("file") { Description = "a file written by state export, or a SQLite backup (show-TIME.db)" };
        var scene = new Option<string?>("--scene") { Description = "the show's scene file (its folder names the show in Redis, unless SHOW_ID is set)" };
        var export = new Command("export", "Write the show's state (scenes, scripts' and behaviours' state, behaviour records) to a file; safe while the show runs.") { exportFile, scene };
        export.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            await using var store = Open(config, parse.GetValue(scene));
            var archive = await ((IArchivableStore)store).ExportAsync(stop);
            var path = Path.GetFullPath(parse.GetValue(exportFile)!);
            // Written beside and renamed, so an interrupted export never leaves a half file under the name.
            await File.WriteAllTextAsync(path + ".part", archive.ToJson(DateTimeOffset.UtcNow, store.Description).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), stop);
            File.Move(path + ".part", path, overwrite: true);
            Console.WriteLine($"Exported {Summary(archive)} from {store.Description} to {path}");
            return CommandRunner.Ok;
        }));
        var import = new Command("import", "Replace the show's state in the store with a file's (stop the show's engine first).") { importFile, scene };
        import.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            var archive = Read(parse.GetValue(importFile)!);
            await using var store = Open(config, parse.GetValue(scene));
            await ((IArchivableStore)store).ImportAsync(archive, stop);
            Console.WriteLine($"Imported {Summary(archive)} into {store.Description}");
            return CommandRunner.Ok;
        }));
        return new Command("state", "Export and import a show's saved state (backups, moving a show).") { export, import };
    }

    private static IStateStore Open(EngineConfig config, string? scenePath)
    {
        var show = config.ShowId ?? (scenePath is null ? null : Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(scenePath))));
        if (show is null && config.RedisUrl is not null)
            throw new UserInputException("state", "--scene", "a Redis store holds several shows: give the show's --scene file or SHOW_ID");
        using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
        try
        {
            return StateStore.Open(config.RedisUrl, config.RedisPassword?.Value, config.DataDirectory, loggers, show ?? StateStore.DefaultShow);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("configuration", "REDIS_URL", e.Message);
        }
    }

    private static StateArchive Read(string path)
    {
        if (!File.Exists(path)) throw new UserInputException(path, "file", "no such file");
        using (var head = File.OpenRead(path))
        {
            var magic = new byte[16];
            // A SQLite file (a scheduled backup) starts with this header; anything else must be an export.
            if (head.Read(magic) == 16 && System.Text.Encoding.ASCII.GetString(magic) == "SQLite format 3\0")
            {
                try { return SqliteStateStore.ReadFile(path); }
                catch (StoreUnavailableException e) { throw new UserInputException(path, "file", e.Message); }
            }
        }
        try
        {
            return StateArchive.FromJson(JsonNode.Parse(File.ReadAllText(path)));
        }
        catch (JsonException e) { throw new UserInputException(path, "$", $"not JSON ({e.Message}); expected a file written by state export"); }
        catch (FormatException e) { throw new UserInputException(path, e.Message.Split(':')[0], e.Message[(e.Message.IndexOf(':') + 2)..]); }
    }

    private static string Summary(StateArchive archive) =>
        $"{(archive.Show is { } s ? $"the show at frame {s.Frame} (saved {s.SavedAt:u})" : "no saved show")}, " +
        $"{archive.Streams.Count} record streams with {archive.Streams.Sum(s => s.Value.Count)} entries";
}
