using System.CommandLine;
using System.Text.Json;
using StreamEngine.Application;
using StreamEngine.Host.Show;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>bench av-sync --minutes 10</c>: runs a flash + beep show live (the wall clock, the real encoder, as a stream
/// runs) for the given time, recording it, then measures the offset of each beep from its flash in the recording's
/// first and last minute. Drift is the change between the two: the sound and the picture are timed by one frame clock,
/// so it should be nothing, however long the show runs.
/// </summary>
internal static class AvSyncCommand
{
    public static Command Create(GlobalOptions global)
    {
        var minutes = new Option<double>("--minutes") { Description = "how long the live run lasts", DefaultValueFactory = _ => 10 };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT", DefaultValueFactory = _ => "640x360" };
        var output = new Option<string?>("--out") { Description = "keep the recording here (.ts, .mkv, .mp4); default: a temporary file, removed after" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("av-sync", "Measure A/V offset and drift over a live run of a flash + beep show.") { minutes, size, output, json };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var length = parse.GetValue(minutes);
            if (length is < 1 or > 240) throw new UserInputException("--minutes", "--minutes", $"expected 1 to 240 minutes, got {length}");
            var config = global.LoadConfig(parse);
            if (parse.GetValue(global.LogLevel) is null) config = config with { LogLevel = "warn" };
            // The pattern's script takes microseconds, but on a loaded machine its thread can be off the CPU past the
            // 100 ms budget, and a disabled script would end the pattern: this measurement is about the sound, not scripts.
            config = config with { ScriptTimeoutMs = Math.Max(config.ScriptTimeoutMs, 2000) };
            using var loggers = GlobalOptions.Loggers(config);
            var folder = Directory.CreateTempSubdirectory("stream-engine-av-sync-");
            try
            {
                var recording = parse.GetValue(output) is { } kept ? Path.GetFullPath(kept) : Path.Combine(folder.FullName, "av-sync.ts");
                var (scene, script) = FlashBeepShow.Write(folder.FullName);
                using var session = ShowComposition.Open(config, scene, parse.GetValue(size), null, loggers);
                await session.LoadScriptsAsync([script], strict: true);
                if (!parse.GetValue(json)) Console.Error.WriteLine($"bench av-sync: a flash and a beep every second, live for {length} min at {session.Format}, recording to {recording} …");
                await using (var encoder = Encoders.Create(config, session.Format, live: true, [recording], loggers, session.Plugins, session.Audio))
                    await LiveShow.RunAsync(session, encoder, TimeSpan.FromMinutes(length), loggers, stop, statusEverySeconds: 60);
                var dropped = session.Stats.Dropped;
                var result = await FlashBeepShow.MeasureAsync(recording, session.Format.Fps, length * 60, dropped, stop);
                Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, FlashBeepShow.Json) : result.ToText());
                return CommandRunner.Ok;
            }
            finally { folder.Delete(recursive: true); }
        }));
        return command;
    }
}
