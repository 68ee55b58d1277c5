using StreamEngine.Application;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Sends the plan's cases one after another for a bounded time and count, while watching the engine: its frame counter
/// (a stall of 3 s is a finding), its memory (past the budget the run stops), and whether it is still running.
/// </summary>
internal sealed class FuzzRun(FuzzTarget target, FuzzPlan plan, FuzzReport report, TimeSpan duration, long maxCases)
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(3);

    private long _index;
    private FuzzCase? _last;
    private volatile string? _fatal;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpDoor(target);
        var socket = new SocketDoor(target);
        using var stats = new HttpClient { BaseAddress = target.Rest, Timeout = TimeSpan.FromSeconds(5) };
        var before = await StatsAsync(stats, cancellationToken) ?? throw new UserInputException("--url", "--url", $"{target.Rest}api/stats did not answer");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = WatchAsync(stats, stop.Token);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && _index < maxCases && _fatal is null && !cancellationToken.IsCancellationRequested)
        {
            var next = plan.Next();
            _last = next;
            var outcome = next switch
            {
                HttpCase h => await http.SendAsync(h, cancellationToken),
                SocketCase s => await socket.SendAsync(s, cancellationToken),
                _ => Outcome.Accepted,
            };
            report.Record(_index++, next, outcome);
            if (target.ExitCode is not { } code) continue;
            report.Note("crash", next.Door, $"the engine exited with code {code}", _index - 1, next);
            break;
        }
        stop.Cancel();
        await watching.ContinueWith(_ => { });
        if (_fatal is not null) report.Note("crash", _last?.Door ?? "-", _fatal, _index - 1, _last);
        await FinishAsync(stats, before, cancellationToken);
    }

    /// <summary>Frames and drops over the run, and whether frames still come: the counter must move within 2 s after the last case.</summary>
    private async Task FinishAsync(HttpClient stats, (long Frames, long Dropped) before, CancellationToken cancellationToken)
    {
        var end = await StatsAsync(stats, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var later = await StatsAsync(stats, cancellationToken);
        report.Frames = (later?.Frames ?? end?.Frames ?? before.Frames) - before.Frames;
        report.Dropped = (later?.Dropped ?? end?.Dropped ?? before.Dropped) - before.Dropped;
        report.Delivering = end is { } e && later is { } l && l.Frames > e.Frames;
        if (target.Memory() is { } memory) report.PeakMemory = Math.Max(report.PeakMemory ?? 0, memory.Peak);
        report.EngineExitCode = target.ExitCode;
    }

    /// <summary>Every 250 ms: the engine's memory (the run ends past the budget); every second: its frame counter.</summary>
    private async Task WatchAsync(HttpClient stats, CancellationToken cancellationToken)
    {
        var lastFrames = -1L;
        var moved = Stopwatch.StartNew();
        var stalled = false;
        for (var tick = 0; !cancellationToken.IsCancellationRequested; tick++)
        {
            await Task.Delay(250, cancellationToken).ContinueWith(_ => { });
            if (target.Memory() is { } memory)
            {
                report.PeakMemory = Math.Max(report.PeakMemory ?? 0, memory.Now);
                if (memory.Now > report.MemoryBudget) _fatal = $"engine memory {memory.Now / (1 << 20)} MiB passed the budget of {report.MemoryBudget / (1 << 20)} MiB";
            }
            if (tick % 4 != 0 || await StatsAsync(stats, CancellationToken.None) is not { } now) continue;
            if (now.Frames != lastFrames)
            {
                (lastFrames, stalled) = (now.Frames, false);
                moved.Restart();
            }
            else if (!stalled && moved.Elapsed > StallAfter)
            {
                stalled = true;
                report.Note("stall", _last?.Door ?? "-", $"no frame for {StallAfter.TotalSeconds} s (frame counter stuck at {now.Frames})", Math.Max(0, _index - 1), _last);
            }
        }
    }

    private static async Task<(long Frames, long Dropped)?> StatsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await client.GetFromJsonAsync<JsonObject>("api/stats", cancellationToken);
            return (stats?["frames"]?.GetValue<long>() ?? 0, stats?["dropped"]?.GetValue<long>() ?? 0);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException) { return null; }
    }
}
