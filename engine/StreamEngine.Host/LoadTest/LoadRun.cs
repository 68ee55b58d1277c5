using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.LoadTest;

/// <summary>
/// Many WebSocket clients subscribed to every event, and one driver sending layer patches at a steady rate; counts
/// requests answered, requests lost, events each client received, and the engine's dropped frames over the run.
/// </summary>
internal sealed class LoadRun(Uri url, string? password, string layerId, int clients, double rate, TimeSpan duration)
{
    public async Task<JsonObject> RunAsync(CancellationToken cancellationToken)
    {
        var listeners = new List<ProtocolClient>();
        for (var i = 0; i < clients; i++) listeners.Add(await ProtocolClient.ConnectAsync(url, password, 63, cancellationToken));
        await using var driver = await ProtocolClient.ConnectAsync(url, password, 0, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var client in listeners.Append(driver)) client.StartReading(stop.Token);

        var before = await StatsAsync(driver, cancellationToken);
        var (sent, answered, failed) = await DriveAsync(driver, cancellationToken);
        var after = await StatsAsync(driver, cancellationToken);
        await Task.Delay(500, cancellationToken); // the last events reach the listeners
        stop.Cancel();
        var events = listeners.Select(l => Interlocked.Read(ref l.EventsReceived)).ToList();
        foreach (var listener in listeners) await listener.DisposeAsync();

        return new JsonObject
        {
            ["clients"] = clients, ["seconds"] = duration.TotalSeconds, ["requests_sent"] = sent, ["requests_ok"] = answered,
            ["requests_failed"] = failed, ["requests_lost"] = sent - answered - failed,
            ["events_per_client_min"] = events.Min(), ["events_per_client_avg"] = Math.Round(events.Average(), 1),
            ["frames"] = after.Frames - before.Frames, ["dropped"] = after.Dropped - before.Dropped,
            ["render_ms_p99"] = after.RenderP99,
        };
    }

    /// <summary>Sends patches at the rate without waiting for answers (as a busy control panel would), then waits for every answer.</summary>
    private async Task<(long Sent, long Answered, long Failed)> DriveAsync(ProtocolClient driver, CancellationToken cancellationToken)
    {
        var requests = new List<Task<JsonNode>>();
        var clock = Stopwatch.StartNew();
        var period = TimeSpan.FromSeconds(1 / rate);
        while (clock.Elapsed < duration)
        {
            var n = requests.Count + 1;
            requests.Add(driver.RequestAsync("SetLayer", $"patch-{n}", new JsonObject
            {
                ["layerId"] = layerId, ["patch"] = new JsonObject { ["transform"] = new JsonObject { ["x"] = n % 400 } },
            }, cancellationToken));
            var wait = period * n - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
        }
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ContinueWith(_ => { });
        var answered = requests.Count(r => r.IsCompletedSuccessfully && Ok(r.Result));
        var failed = requests.Count(r => r.IsCompletedSuccessfully && !Ok(r.Result));
        return (requests.Count, answered, failed);
    }

    private static bool Ok(JsonNode response) => response["requestStatus"]?["result"]?.GetValue<bool>() == true;

    private static async Task<(long Frames, long Dropped, double RenderP99)> StatsAsync(ProtocolClient driver, CancellationToken cancellationToken)
    {
        var data = (await driver.RequestAsync("GetStats", $"stats-{Guid.NewGuid():N}", [], cancellationToken))["responseData"];
        return (data?["frames"]?.GetValue<long>() ?? 0, data?["dropped"]?.GetValue<long>() ?? 0, data?["renderMsP99"]?.GetValue<double>() ?? 0);
    }
}
