using StreamEngine.Application;
using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamEngine.Core.Clock;
using StreamEngine.Host.Show;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Commands;

/// <summary>
/// <c>render --scene FILE --frames N --out FILE</c>: deterministic offline render as fast as the encoder goes.
/// An .raw or .bgra output gets the raw BGRA frames, byte for byte; any other extension is encoded by ffmpeg.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(GlobalOptions global)
    {
        var scene = new Option<string>("--scene") { Description = "scene file (JSON)", Required = true };
        var frames = new Option<int>("--frames") { Description = "number of frames to render", Required = true };
        var output = new Option<string>("--out") { Description = "output file: .mp4, .mkv, .flv, .ts, .webm, or .raw/.bgra for raw frames", Required = true };
        var fps = new Option<int?>("--fps") { Description = "frames per second (default: the scene's, else TARGET_FPS)" };
        var size = new Option<string?>("--size") { Description = "WIDTHxHEIGHT (default: the scene's, else STREAM_RESOLUTION)" };
        var audience = AudienceOption.Create();
        var scripts = new Option<string[]>("--script") { Description = "a show script (.js, .mjs, .csx) or a folder of them; repeat for several" };
        var command = new Command("render", "Render a scene offline to a file.") { scene, frames, output, fps, size, scripts, audience };
        command.SetAction((parse, _) => CommandRunner.RunAsync(async stop =>
        {
            var count = parse.GetValue(frames);
            if (count < 1) throw new UserInputException("--frames", "--frames", $"expected a number of frames >= 1, got {count}");
            var config = global.LoadConfig(parse, ("TARGET_FPS", parse.GetValue(fps)?.ToString()));
            using var loggers = GlobalOptions.Loggers(config);
            using var session = ShowComposition.Open(config, parse.GetValue(scene)!, parse.GetValue(size), parse.GetValue(fps), loggers);
            await session.LoadScriptsAsync(parse.GetValue(scripts) ?? [], strict: true);
            await using var extensions = await ShowExtensions.StartAsync(session, parse.GetValue(scene)!, null, null, loggers, stop, AudienceOption.Read(parse.GetValue(audience)));
            session.Extensions = extensions;
            var path = parse.GetValue(output)!;
            await using var encoder = Path.GetExtension(path) is ".raw" or ".bgra"
                ? (IEncoder)new RawFrameWriter(path)
                : Encoders.Create(config, session.Format, live: false, [path], loggers, session.Plugins, session.Audio);
            if (session.Access is { } access)
            {
                access.WaitForVoices = true; // offline: a line's voice and bubble start in the same frame, every time
                // A call's wall-clock budget would make a render depend on the machine's load: on a busy machine a show
                // script's call into the auctioneer overran 100 ms, was cut, and that render differed from the next.
                // JavaScript stays bounded by its statement and memory limits; only a runaway C# call waits longer.
                access.Limits = access.Limits with
                {
                    CallMilliseconds = Math.Max(access.Limits.CallMilliseconds, 30_000), LoadMilliseconds = Math.Max(access.Limits.LoadMilliseconds, 30_000),
                };
            }
            var logger = loggers.CreateLogger("render");
            await RenderAsync(session, encoder, count, logger, stop);
            logger.LogInformation("Rendered {Frames} frames of {Format} to {Path}", count, session.Format, path);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static async Task RenderAsync(ShowRuntime session, IEncoder encoder, int frames, ILogger logger, CancellationToken stop)
    {
        await encoder.StartAsync(session.Format, stop);
        var pipeline = session.CreatePipeline(encoder);
        OfflineSceneSwitch.Attach(session, pipeline);
        var started = Stopwatch.GetTimestamp();
        var lastReport = started;
        var progress = new Progress<long>(done =>
        {
            if (Stopwatch.GetElapsedTime(lastReport).TotalSeconds < 1 && done < frames) return;
            lastReport = Stopwatch.GetTimestamp();
            var fps = done / Math.Max(0.001, Stopwatch.GetElapsedTime(started).TotalSeconds);
            logger.LogInformation("Rendered {Done}/{Total} frames ({Percent:0}%), {Fps:0.0} frames/s", done, frames, 100.0 * done / frames, fps);
        });
        await OfflineFrameClock.RunAsync(pipeline, frames, progress, stop);
        session.Audio?.End();
        await encoder.StopAsync(CancellationToken.None);
    }
}
