using System.Globalization;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;
using Xunit.Abstractions;

namespace StreamEngine.Host.Tests;

/// <summary>
/// A lot under 200 bids a second from the simulated audience (some of them max bids), live with the SQLite store:
/// every bid is judged in arrival order (the chat numbers in the sales log rise; a bid placed for a max bid's holder
/// carries the number of the message it answered), the sales log is exact (each accepted bid beats the last by the
/// increment, the winner is the last one, nothing counted twice) and the stream drops no frame.
/// </summary>
[Collection(nameof(AuctionLoadTests))]
public sealed class AuctionLoadTests(ITestOutputHelper output) : IDisposable
{
    private const string Lots = """
        { "startDelay": 0.5, "increment": 1, "rateLimit": { "bids": 1000, "seconds": 1 }, "antiSniping": "none",
          "lots": [ { "id": "rush", "title": "Rush", "opening": 10, "duration": 20, "estimate": [1000000000, 1000000000] } ] }
        """;

    // 330 messages/s, 60% of a bidder's messages are bids: about 200 bids/s.
    private const string Audience = """
        { "seed": 4, "rate": 330, "personas": [
          { "name": "a1", "language": "en", "style": "bidder" }, { "name": "a2", "language": "en", "style": "bidder" },
          { "name": "a3", "language": "en", "style": "bidder" }, { "name": "a4", "language": "en", "style": "bidder" },
          { "name": "a5", "language": "en", "style": "bidder" }, { "name": "a6", "language": "en", "style": "bidder" } ] }
        """;

    // The frames before the lot opens (startDelay 0.5 s): the stream's start-up, counted apart from the flood.
    private const int StartUpFrames = 15;

    private readonly TempDirectory _dir = new("auction-load");

    [Fact]
    public Task Two_hundred_bids_a_second_are_judged_in_arrival_order_with_an_exact_sales_log() => RunAsync(countDrops: false);

    // Measured on the 2-core build machine: quiet, 0 frames missing at start-up and 0 in the flood in 2 runs of 2 (4702
    // bids judged in 20 s, render p99 8.2-8.6 ms); with 4 other sessions building and testing (load average 12-26), 0 in 1
    // run of 8 and 2-19 in the others, spread over the run on waiting for a core.
    [TimingFact]
    public Task Two_hundred_bids_a_second_drop_no_frame() => RunAsync(countDrops: true);

    private async Task RunAsync(bool countDrops)
    {
        // Only the analysis stage: moderation's per-author rate and the display prioritisation would hold 200 bids/s back
        // before the auctioneer saw them (docs/auction.md says so).
        var scene = AuctionShow.Create(_dir, "rush", Lots, Audience, stages: """["chat.analysis"]""");
        if (countDrops) FrameStamp.Add(scene);
        var env = Engine.Environment();
        var run = ProcessRunner.Start("dotnet", [RepoPaths.BuiltEngine, "run", "--scene", scene, "--size", "640x360", "--output", _dir.File("rush.ts"),
            "--seconds", "24", "--no-api", "--status-every", "1", "--audience", Path.Combine(Path.GetDirectoryName(scene)!, "audience.json")], env);
        await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.AllOutput);

        var lot = (await AuctionShow.ExportAsync(scene, env))["lots"]!.AsArray().Single()!.AsObject();
        var bids = lot["bids"]!.AsArray().Select(b => b!.AsObject()).ToList();
        var accepted = bids.Where(b => b["fate"]!.GetValue<string>() is "outbid").ToList();
        var seconds = bids[^1]["at"]!.GetValue<double>() - bids[0]["at"]!.GetValue<double>();
        var stopped = run.Stderr.Last(l => l.Contains("Stopped after"));
        output.WriteLine($"{bids.Count} bids judged in {seconds:0.0} s ({bids.Count / seconds:0} /s), {accepted.Count} accepted; {stopped}");

        // Show time runs with the frames, so on a loaded machine the lot may still be open when the run ends.
        Assert.Contains(lot["status"]!.GetValue<string>(), new[] { "sold", "open" });
        Assert.True(bids.Count / seconds >= 150, $"expected about 200 bids/s, got {bids.Count / seconds:0}");
        Assert.Equal(bids.Count, bids.Select(b => b["n"]!.GetValue<long>()).Distinct().Count());
        Assert.All(bids, b => Assert.NotNull(b["chat"]));
        var chat = bids.Select(b => (Number: b["chat"]!.GetValue<long>(), Proxy: b["proxy"]!.GetValue<bool>() && b["fate"]!.GetValue<string>() != "max")).ToList();
        var placed = chat.Where(c => !c.Proxy).Select(c => c.Number).ToList();
        Assert.True(placed.Zip(placed.Skip(1)).All(p => p.First < p.Second), "bids are judged in the order their messages arrived");
        Assert.True(chat.Zip(chat.Skip(1)).All(p => p.First.Number < p.Second.Number || p.Second.Proxy && p.First.Number == p.Second.Number),
            "a bid placed for a max bid's holder follows the message it answered");
        var maxima = bids.Count(b => b["fate"]!.GetValue<string>() == "max");
        output.WriteLine($"{maxima} max bids, {chat.Count(c => c.Proxy)} bids placed for their holders");
        // A bid placed for a max bid's holder may equal the bid it answers: a manual bid equal to an earlier max loses to it.
        for (var i = 1; i < accepted.Count; i++)
            Assert.True(accepted[i]["amount"]!.GetValue<decimal>() >= accepted[i - 1]["amount"]!.GetValue<decimal>() + (accepted[i]["proxy"]!.GetValue<bool>() ? 0 : 1),
                $"accepted bid {i} does not beat the one before by the increment");
        var last = bids.Last(b => b["fate"]!.GetValue<string>() is "won" or "leading");
        Assert.Equal(1, bids.Count(b => b["fate"]!.GetValue<string>() is "won" or "leading"));
        Assert.True(accepted.Count == 0 || accepted[^1]["amount"]!.GetValue<decimal>() + (last["proxy"]!.GetValue<bool>() ? 0 : 1) <= last["amount"]!.GetValue<decimal>());
        if (lot["status"]!.GetValue<string>() == "sold")
            Assert.Equal((last["author"]!.GetValue<string>(), last["amount"]!.GetValue<decimal>()), (lot["winner"]!.GetValue<string>(), lot["price"]!.GetValue<decimal>()));
        Assert.All(bids.Except(accepted).Where(b => b != last), b => Assert.Contains(b["fate"]!.GetValue<string>(), new[] { "too-low", "already-leading", "max" }));
        var status = run.Stderr.Where(l => l.Contains("show: Frames ")).ToList();
        output.WriteLine($"engine: dropped {Dropped(stopped, "(")} in all; last status: {(status.Count > 0 ? status[^1] : "none")}");
        if (!countDrops) return;
        // Dropped frames as the encoder saw them: the frame indexes stamped into the recording, with a gap for every frame
        // that never reached it. The start-up (the stream's first half second, before the lot opens) is reported apart;
        // from the lot's opening the flood runs and not one frame may be missing.
        var frames = await FrameStamp.ReadAsync(_dir.File("rush.ts"));
        Assert.True(frames.Count > 20 * 30, $"the recording has {frames.Count} frames");
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.Second > p.First), $"frame indexes out of order: {string.Join(' ', frames.Take(40))} …");
        var missing = frames.Zip(frames.Skip(1)).Where(p => p.Second - p.First > 1).Select(p => (After: p.First, Count: p.Second - p.First - 1)).ToList();
        var startup = missing.Where(m => m.After < StartUpFrames).Sum(m => m.Count) + frames[0];
        var flood = missing.Where(m => m.After >= StartUpFrames).ToList();
        output.WriteLine($"recording: frames {frames[0]} to {frames[^1]}, {frames.Count} in the file; dropped at start-up (before frame {StartUpFrames}): {startup}; "
            + $"dropped in the flood (frames {StartUpFrames} to {frames[^1]}): {flood.Sum(m => m.Count)} {string.Join(", ", flood.Select(m => $"{m.Count} after frame {m.After}"))}");
        Assert.Empty(flood);
    }

    private static int Dropped(string line, string before) =>
        int.Parse(line[(line.LastIndexOf(before, StringComparison.Ordinal) + before.Length)..].Split(' ', ',')[0], CultureInfo.InvariantCulture);

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// Frames dropped are about the engine under its flood, not about other live tests encoding video on the same two
/// cores: these tests run after the parallel ones, alone.
/// </summary>
[CollectionDefinition(nameof(AuctionLoadTests), DisableParallelization = true)]
public sealed class AuctionLoadCollection;
