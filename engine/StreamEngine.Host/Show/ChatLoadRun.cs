using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StreamEngine.Application;
using StreamEngine.Core.Clock;
using StreamEngine.Core.Pipeline;
using StreamEngine.Encoding.FFmpeg;
using StreamEngine.Host.Config;
using StreamEngine.Sdk;

namespace StreamEngine.Host.Show;

/// <summary>
/// The chat load benchmark: the show runs live (render + encode, output discarded) for a while with its chat sources
/// at full rate, from the first frame on, so start-up costs count too. Reported: frames, frames dropped (the clock's
/// count and the gaps between frames reaching the encoder), render times, the engine's memory at the start, middle
/// and end, and the messages the sources sent, the feed showed and the stages dropped.
/// </summary>
internal sealed class ChatLoadRun(ShowRuntime show, ShowExtensions extensions, EngineConfig config, ILoggerFactory loggers)
{
    /// <param name="trace">When given, the slow frames and where their time went are reported too.</param>
    public async Task<JsonObject> RunAsync(TimeSpan duration, CancellationToken stop, FrameTrace? trace = null)
    {
        var format = show.Format;
        await using var encoder = Encoders.Create(config, format, live: true, Array.Empty<string>(), loggers, show.Plugins);
        await encoder.StartAsync(format, stop);
        var pipeline = show.CreatePipeline(encoder);
        pipeline.WarmUp(new FrameTime(0, format.Fps));
        pipeline.Trace = trace;
        var collections = Collections();
        var gcPause = GC.GetTotalPauseDuration();
        var clock = new LiveFrameClock(pipeline, loggers.CreateLogger<LiveFrameClock>());
        var load = LoadAverage();
        var cpu = new ProcessCpuMeter(Environment.ProcessId);
        var memory = new List<(double Seconds, double Mb)>();
        var stats = show.Stats;
        var timeline = new JsonArray();
        var (lastFrames, lastDropped, lastGaps, nextMark) = (0L, 0L, 0L, 10.0);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var ticking = clock.RunAsync(running.Token);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration && !stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetElapsedTime(started).TotalSeconds;
            memory.Add((now, (ProcessCpuMeter.ReadResidentBytes(Environment.ProcessId) ?? 0) / 1048576.0));
            if (now >= nextMark)
            {
                // Every ten seconds: where in the run frames were lost, and whether memory levels off.
                timeline.Add(new JsonObject { ["until_s"] = Math.Round(now), ["frames"] = stats.Frames - lastFrames, ["dropped"] = stats.Dropped - lastDropped,
                    ["encoder_gaps"] = stats.EncoderGaps - lastGaps, ["rss_mb"] = Math.Round(memory[^1].Mb, 1) });
                (lastFrames, lastDropped, lastGaps, nextMark) = (stats.Frames, stats.Dropped, stats.EncoderGaps, nextMark + 10);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await running.CancelAsync();
        await ticking;
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var enginePct = cpu.Sample() ?? 0;
        var gcs = Collections().Zip(collections, (after, before) => after - before).ToArray();
        var encoderName = encoder.Stats().VideoEncoder ?? "?";
        await encoder.StopAsync(CancellationToken.None);
        var stages = show.Chat.Stages;
        var rss = (double at) => Math.Round(memory.MinBy(m => Math.Abs(m.Seconds - at)).Mb, 1);
        var result = new JsonObject
        {
            ["size"] = $"{format.Width}x{format.Height}", ["fps"] = format.Fps, ["seconds"] = Math.Round(wall, 1), ["encoder"] = encoderName,
            ["load_average_before"] = load, ["load_average_after"] = LoadAverage(),
            ["frames"] = stats.Frames, ["dropped"] = stats.Dropped, ["dropped_late"] = stats.DroppedLate,
            ["dropped_encoder_behind"] = stats.DroppedEncoderFull, ["dropped_failed"] = stats.DroppedFailed,
            ["encoder_gaps"] = stats.EncoderGaps, ["longest_encoder_gap_ms"] = Math.Round(stats.LongestEncoderGapMs, 1),
            ["render_ms_p50"] = Math.Round(stats.RenderMsPercentile(50), 2), ["render_ms_p99"] = Math.Round(stats.RenderMsPercentile(99), 2),
            ["jitter_ms_p99"] = Math.Round(stats.JitterMsPercentile(99), 2), ["engine_cpu_pct"] = Math.Round(enginePct, 1),
            ["rss_mb_start"] = rss(1), ["rss_mb_middle"] = rss(wall / 2), ["rss_mb_end"] = rss(wall),
            ["messages_in"] = extensions.ChatSources.List().Sum(s => s.Messages),
            ["messages_shown"] = show.Chat.LastSequence,
            ["messages_dropped_by_stages"] = stages?.Dropped ?? 0,
            ["messages_waiting_in_stages"] = stages?.Waiting ?? 0,
            ["stage_failures"] = stages?.Failures ?? 0,
            ["gc_collections_gen0_gen1_gen2"] = new JsonArray(gcs.Select(c => (JsonNode)c).ToArray()),
            ["gc_pause_ms_total"] = Math.Round((GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds, 1),
            ["every_10_s"] = timeline,
        };
        if (trace is not null)
        {
            result["slow_frames"] = trace.SlowCount;
            result["slow_frame_traces"] = JsonSerializer.SerializeToNode(trace.Slow, TraceJson);
        }
        return result;
    }

    private static readonly JsonSerializerOptions TraceJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
