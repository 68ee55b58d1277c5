using System.CommandLine;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary><c>plugins list</c>: id, version, SDK version, path and state of every plugin in the plugins directory.</summary>
internal static class PluginsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var list = new Command("list", "List the plugins found in the plugins directory.");
        list.SetAction((parse, _) => CommandRunner.RunAsync(_ =>
        {
            var config = global.LoadConfig(parse);
            using var loggers = GlobalOptions.Loggers(config with { LogLevel = "error" });
            using var plugins = ShowComposition.LoadPlugins(config, loggers);
            Console.WriteLine($"plugins directory: {ShowComposition.PluginsDirectory(config)}");
            Console.WriteLine($"{"ID",-28} {"VERSION",-9} {"SDK",-7} {"STATE",-8} PATH");
            foreach (var p in plugins.Plugins)
                Console.WriteLine($"{p.Manifest.Id,-28} {p.Manifest.Version,-9} {p.Manifest.SdkVersion,-7} {"loaded",-8} {p.Directory}  [{p.Contributions}]");
            foreach (var f in plugins.Failures)
                Console.WriteLine($"{Path.GetFileName(f.Directory),-28} {"?",-9} {"?",-7} {"failed",-8} {f.Directory}: {f.Error}");
            return Task.FromResult(plugins.Failures.Count == 0 ? CommandRunner.Ok : CommandRunner.Failed);
        }));
        return new Command("plugins", "Inspect plugins.") { list };
    }
}
