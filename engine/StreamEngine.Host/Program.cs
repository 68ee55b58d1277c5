using System.CommandLine;
using StreamEngine.Host.Commands;

namespace StreamEngine.Host;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("StreamEngine: a headless, scriptable live-video engine.");
        global.AddTo(root);
        root.Subcommands.Add(RenderCommand.Create(global));
        root.Subcommands.Add(RunCommand.Create(global));
        root.Subcommands.Add(DemoCommand.Create(global));
        root.Subcommands.Add(BenchCommand.Create(global));
        root.Subcommands.Add(ValidateCommand.Create(global));
        root.Subcommands.Add(PluginsCommand.Create(global));
        root.Subcommands.Add(ChatCommand.Create(global));
        root.Subcommands.Add(AuctionCommand.Create(global));
        root.Subcommands.Add(LoadTestCommand.Create(global));
        root.Subcommands.Add(FuzzCommand.Create(global));
        root.Subcommands.Add(StateCommand.Create(global));
        if (PluginCommands.Wanted(root, args)) return await PluginCommands.RunAsync(global, root, args);
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
