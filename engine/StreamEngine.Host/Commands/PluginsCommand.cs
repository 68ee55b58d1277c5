using System.CommandLine;
using StreamEngine.Host.Show;
using StreamEngine.Plugins;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>plugins list</c>: id, version, SDK version, path and state of every plugin in the plugins directory;
/// <c>plugins install PATH_OR_NUPKG</c>: checks a plugin as the loader would and copies it in (a running engine's hot
/// reload loads it); <c>plugins remove ID</c>: deletes it (a running engine keeps the loaded version until it stops).
/// </summary>
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
        var source = new Argument<string>("source") { Description = "A plugin's build folder (with plugin.json), or a .nupkg or .zip of one." };
        var install = new Command("install", "Check a plugin (plugin.json, entry assembly, SDK version) and copy it into the plugins directory.") { source };
        install.SetAction((parse, _) => CommandRunner.RunAsync(_ => Task.FromResult(Guarded(() =>
        {
            var directory = ShowComposition.PluginsDirectory(global.LoadConfig(parse));
            var (manifest, folder) = PluginInstaller.Install(parse.GetValue(source)!, directory);
            Console.WriteLine($"installed {manifest.Id} {manifest.Version} (SDK {manifest.SdkVersion}) in {folder}; a running engine loads it within a second");
        }))));
        var id = new Argument<string>("id") { Description = "The plugin's id, as plugin.json and `plugins list` give it." };
        var remove = new Command("remove", "Delete a plugin from the plugins directory.") { id };
        remove.SetAction((parse, _) => CommandRunner.RunAsync(_ => Task.FromResult(Guarded(() =>
        {
            var folder = PluginInstaller.Remove(parse.GetValue(id)!, ShowComposition.PluginsDirectory(global.LoadConfig(parse)));
            Console.WriteLine($"removed {parse.GetValue(id)} ({folder}); a running engine keeps the loaded version until it stops");
        }))));
        return new Command("plugins", "Inspect, install and remove plugins.") { list, install, remove };
    }

    private static int Guarded(Action action)
    {
        try
        {
            action();
            return CommandRunner.Ok;
        }
        catch (PluginLoadException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CommandRunner.BadInput;
        }
    }
}
