using StreamEngine.Application;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>demo</c>: runs the layers sample live — artwork, host and assistant, chat from a simulated audience, the auction
/// script reacting to its bids — recording to
/// a file (and to any --output given), with the control plane up so the API can drive it.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions global)
    {
        var outputs = new Option<string[]>("--output") { Description = "also stream to this rtmp:// URL or file; repeat for several" };
        var seconds = new Option<double?>("--seconds") { Description = "stop after this many seconds (default: run until Ctrl+C)" };
        var command = new Command("demo", "Run the demo show live, recording to RECORDINGS_DIR (./recordings).") { outputs, seconds };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var config = global.LoadConfig(parse);
            using var loggers = GlobalOptions.Loggers(config);
            var scene = Path.Combine(Home, "samples", "layers", "scene.json");
            using var session = ShowComposition.Open(config, scene, null, null, loggers);
            await session.LoadScriptsAsync([], strict: false); // samples/layers/scripts/auction.js runs the auction
            ShowComposition.ReloadPluginsLive(session, config, loggers);
            // Plugin chat sources and behaviours; the chat column is fed by the simulated audience plugin, configured by the sample's audience file.
            await using var extensions = await ShowExtensions.StartAsync(session, scene, null, null, loggers, stop,
                AudienceOption.Read(Path.Combine(Home, "samples", "layers", "audience.json")));
            session.Extensions = extensions;
            var recording = RunCommand.DefaultRecording(config, "demo");
            var logger = loggers.CreateLogger("demo");
            logger.LogInformation("Demo show {Scene}; recording to {Recording}", scene, recording);
            await using var encoder = Encoders.Create(config, session.Format, live: true, [recording, .. parse.GetValue(outputs) ?? []], loggers, session.Plugins);
            await LiveShow.RunAsync(session, encoder, RunCommand.Duration(parse.GetValue(seconds)), loggers, stop,
                attach: clock => ControlPlane.StartAsync(config, session, encoder, clock, loggers, stop));
            logger.LogInformation("Recording saved: {Recording}", recording);
            return CommandRunner.Ok;
        }));
        return command;
    }

    /// <summary>The checkout the engine runs from (the wrapper sets STREAM_ENGINE_HOME), for the samples.</summary>
    public static string Home => Environment.GetEnvironmentVariable("STREAM_ENGINE_HOME") ?? Directory.GetCurrentDirectory();
}
