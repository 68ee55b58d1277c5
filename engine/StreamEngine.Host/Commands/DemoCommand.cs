using StreamEngine.Application;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamEngine.Host.Config;
using StreamEngine.Host.Show;
using StreamEngine.State;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>demo</c>: runs the auction sample live — lots of generated artwork sold by the auctioneer plugin, host and
/// assistant, chat from a simulated audience bidding on the real auction — recording to a file (and to any --output
/// given), with the control plane up so the API and the dashboard can drive it. Bids and sales go to the state store
/// (<c>auction export</c> reads them); every demo starts a new sale.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions global)
    {
        var outputs = new Option<string[]>("--output") { Description = "also stream to this rtmp:// URL or file; repeat for several" };
        var seconds = new Option<double?>("--seconds") { Description = "stop after this many seconds (default: run until Ctrl+C)" };
        var command = new Command("demo", "Run the demo auction live, recording to RECORDINGS_DIR (./recordings).") { outputs, seconds };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            using var loggers = GlobalOptions.Loggers(config);
            var scene = Scene;
            await using var store = ShowComposition.OpenStore(config, scene, loggers);
            using var session = ShowComposition.Open(config, scene, null, null, loggers);
            await session.LoadScriptsAsync([], strict: false); // samples/auction-show/scripts/auction.mjs hands the lots to the auctioneer
            ShowComposition.ReloadPluginsLive(session, config, loggers);
            await using var writer = new StateWriter(store, loggers.CreateLogger<StateWriter>());
            var persistence = new ShowPersistence(session, writer, loggers.CreateLogger<ShowPersistence>());
            session.Hooks.Add(persistence);
            // The chat column is fed by the simulated audience plugin, configured by the sample's audience file; its bidders follow the auction.
            await using var extensions = await ShowExtensions.StartAsync(session, scene, writer, store, loggers, stop,
                AudienceOption.Read(Path.Combine(Home, "samples", "auction-show", "audience.json")));
            session.Extensions = extensions;
            var recording = RunCommand.DefaultRecording(config, "demo");
            var logger = loggers.CreateLogger("demo");
            var targets = (OutputSpec[])[OutputSpec.Plain(recording), .. (parse.GetValue(outputs) ?? []).Select(OutputSpec.Parse)];
            logger.LogInformation("Demo auction {Scene}; bids and sales in {Store}", scene, store.Description);
            logger.LogInformation("REST: {Url}api/behaviours/auctioneer/state  ·  WebSocket: ws://127.0.0.1:{Port}/", ControlPlane.DashboardUrl(config), config.WsPort);
            await using var encoder = Encoders.Create(config, session.Format, live: true, targets, loggers, session.Plugins, session.Audio);
            foreach (var output in encoder.ListOutputs()) logger.LogInformation("Output: {Target}", output.Target);
            await LiveShow.RunAsync(session, encoder, RunCommand.Duration(parse.GetValue(seconds)), loggers, stop,
                attach: clock => ControlPlane.StartAsync(config, session, encoder, clock, loggers, stop, persistence));
            logger.LogInformation("Recording saved: {Recording}; the sales log: ./stream-engine auction export", recording);
            return CommandRunner.Ok;
        }));
        return command;
    }

    /// <summary>The demo's show: the auction sample.</summary>
    public static string Scene => Path.Combine(Home, "samples", "auction-show", "scene.json");

    /// <summary>The checkout the engine runs from (the wrapper sets STREAM_ENGINE_HOME), for the samples.</summary>
    public static string Home => Environment.GetEnvironmentVariable("STREAM_ENGINE_HOME") ?? Directory.GetCurrentDirectory();
}
