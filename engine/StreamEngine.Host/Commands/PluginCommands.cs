using System.CommandLine;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// Commands plugins add (<c>ICliCommand</c>, e.g. the X plugin's <c>x sign</c> and <c>x check</c>): a first word that
/// is none of the engine's commands is looked up among the loaded plugins' commands and run with the rest of the line.
/// </summary>
internal static class PluginCommands
{
    /// <summary>Whether <paramref name="args"/> name a command the engine does not have itself (so a plugin's may).</summary>
    public static bool Wanted(RootCommand root, string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0] && !c.Aliases.Contains(args[0]));

    public static Task<int> RunAsync(GlobalOptions global, RootCommand root, string[] args) => CommandRunner.RunAsync(async stop =>
    {
        var config = global.LoadConfig(root.Parse([]));
        using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
        using var plugins = ShowComposition.LoadPlugins(config, loggers);
        var commands = plugins.Plugins.SelectMany(p => p.Contributions.CliCommands).ToList();
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            var known = root.Subcommands.Select(c => c.Name).Concat(commands.Select(c => $"{c.Name} (plugin)"));
            await Console.Error.WriteLineAsync($"error: '{args[0]}' is not a command; the commands are {string.Join(", ", known)}.");
            return CommandRunner.BadInput;
        }
        try
        {
            return await command.RunAsync(new Sdk.Plugins.CliInvocation(args[1..], Console.Out, Console.Error, Path.GetFullPath(config.DataDirectory)), stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {command.Name} failed: {e.Message}");
            return CommandRunner.Failed;
        }
    });
}
