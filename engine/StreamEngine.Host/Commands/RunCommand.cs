using StreamEngine.Application;
using Microsoft.Extensions.Logging;
using System.CommandLine;
using StreamEngine.Core.Scene;
using StreamEngine.Host.Config;
using StreamEngine.Host.Failover;
using StreamEngine.Host.Service;
using StreamEngine.Host.Show;
using StreamEngine.State;

namespace StreamEngine.Host.Commands;

/// <summary><c>run --scene FILE [--output URL_OR_FILE]...</c>: streams a show live until SIGINT/SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var scene = new Option<string>("--scene") { Description = "scene file (JSON)", Required = true };
        var outputs = new Option<string[]>("--output") { Description = "rtmp://, rtmps://, srt:// URL, a file (.mp4, .mkv, .flv, .ts), or a preset: x, youtube, twitch (their *_INGEST_URL and *_STREAM_KEY, encoded as the platform recommends); words after it give it its own rendition: size=1280x720 kbps=2500 codec=h264 fps-divisor=2; repeat for several", AllowMultipleArgumentsPerToken = false };
        var fps = new Option<int?>("--fps") { Description = "frames per second (default: the scene's, else TARGET_FPS)" };
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT (default: the scene's, else STREAM_RESOLUTION)" };
        var seconds = new Option<double?>("--seconds") { Description = "stop after this many seconds (default: run until Ctrl+C)" };
        var statusEvery = new Option<double>("--status-every") { Description = "seconds between status lines (frames, drops, timing)", DefaultValueFactory = _ => 10 };
        var noApi = new Option<bool>("--no-api") { Description = "do not start the control plane (REST, WebSocket, metrics, health)" };
        var scripts = new Option<string[]>("--script") { Description = "a show script (.js, .mjs, .csx) or a folder of them; repeat for several. Saving one reloads it live" };
        var allowOutputs = new Option<bool>("--allow-script-outputs") { Description = "let scripts start and stop outputs (SCRIPT_ALLOW_OUTPUTS)" };
        var fresh = new Option<bool>("--fresh") { Description = "start from the scene file even if the state store has a saved state of this show" };
        var audience = AudienceOption.Create();
        var command = new Command("run", "Run a show live until Ctrl+C or SIGTERM; its state is saved and restored after a crash.")
            { scene, outputs, fps, size, seconds, statusEvery, noApi, fresh, scripts, allowOutputs, audience };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            // A preset (--output x) brings its URL and key from the config and the encoding its platform recommends;
            // with no --size, the show is made at the largest preset's size.
            var given = (parse.GetValue(outputs) ?? []).Select(OutputSpec.Parse).ToList();
            var (sizeFlag, fpsFlag, config) = OutputSpec.ShowDefaults(given, parse.GetValue(size), parse.GetValue(fps),
                global.LoadConfig(parse, ("SCRIPT_ALLOW_OUTPUTS", parse.GetValue(allowOutputs) ? "true" : null)));
            using var loggers = GlobalOptions.Loggers(config);
            var scenePath = parse.GetValue(scene)!;
            await using var store = ShowComposition.OpenStore(config, scenePath, loggers);
            // FAILOVER=redis: wait as the standby until this engine holds the show (rehearsing it meanwhile, so a takeover
            // only restores the state and starts the outputs); losing it later stops the show.
            StandbyRehearsal? rehearsal = null;
            await using var failover = await ShowFailover.StartAsync(config, store, loggers, stop,
                () => rehearsal = StandbyRehearsal.Start(config, scenePath, sizeFlag, fpsFlag, store, loggers));
            using var rehearsed = rehearsal;
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stop, failover?.Lost ?? CancellationToken.None);
            stop = held.Token;
            // A saved state is held to the bounds of the scene file it came from (the size it was made for).
            var made = SceneFile.Load(scenePath).Scene;
            var saved = parse.GetValue(fresh) ? null : await RestoredShow.LoadAsync(store, scenePath,
                read => ShowComposition.Limits(config, ShowComposition.FormatOf(config, sizeFlag, fpsFlag, read), made ?? read),
                loggers.CreateLogger("state"), stop);
            using var session = ShowComposition.Open(config, scenePath, sizeFlag, fpsFlag, loggers, saved, rehearsal?.TakePlugins());
            if (failover is not null) session.Role = "active";
            await session.LoadScriptsAsync(parse.GetValue(scripts) ?? [], strict: false);
            session.Scripts.Watch();
            await using var writer = new StateWriter(store, loggers.CreateLogger<StateWriter>());
            var persistence = new ShowPersistence(session, writer, loggers.CreateLogger<ShowPersistence>());
            session.Hooks.Add(persistence);
            ShowComposition.ReloadPluginsLive(session, config, loggers);
            await using var extensions = await ShowExtensions.StartAsync(session, scenePath, writer, store, loggers, stop, AudienceOption.Read(parse.GetValue(audience)));
            session.Extensions = extensions;
            // X_BROADCAST=auto: the X plugin sets the ingest up through X's API and ends the broadcast after the show.
            var (ingestTargets, ingest) = await PresetIngest.OpenAsync(given, config, session.Plugins, loggers, stop);
            await using var broadcast = ingest;
            var targets = ingestTargets.Count > 0 ? ingestTargets : [OutputSpec.Plain(DefaultRecording(config, "show"))];
            await using var encoder = Encoders.Create(config, session.Format, live: true, targets, loggers, session.Plugins, session.Audio);
            await using var systemd = SystemdNotify.Start(session.Stats.Heartbeat, loggers.CreateLogger("systemd"));
            await using var backups = ScheduledBackups.Start(config, loggers);
            var every = parse.GetValue(statusEvery);
            if (every is < 0.2 or > 3600) throw new UserInputException("--status-every", "--status-every", $"expected 0.2 to 3600 seconds, got {every}");
            await LiveShow.RunAsync(session, encoder, Duration(parse.GetValue(seconds)), loggers, stop, every,
                parse.GetValue(noApi) ? null : clock => ControlPlane.StartAsync(config, session, encoder, clock, loggers, stop, persistence),
                session.FirstFrame, async last =>
                {
                    // A planned stop hands the show over as soon as its last state is saved, while the encoder still flushes.
                    if (failover is null || failover.LeaseLost) return;
                    await persistence.SaveLastAsync(last);
                    await failover.HandOverAsync();
                });
            return failover?.LeaseLost == true ? ShowFailover.LostLeaseExitCode : CommandRunner.Ok;
        }));
        return command;
    }

    public static TimeSpan? Duration(double? seconds) => seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;

    /// <summary>Where a show records when no output is given: recordings/NAME-TIME.mp4.</summary>
    /// <summary>A new file in the recordings folder (RECORDINGS_DIR), where outputs added over the API go too.</summary>
    public static string DefaultRecording(Config.EngineConfig config, string name)
    {
        Directory.CreateDirectory(config.RecordingsDirectory);
        return Path.GetFullPath(Path.Combine(config.RecordingsDirectory, $"{name}-{DateTime.Now:yyyyMMdd-HHmmss}.mp4"));
    }
}
