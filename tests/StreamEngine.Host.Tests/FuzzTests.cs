using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary><c>./stream-engine fuzz</c>: seeded hostile requests at the demo show, which must neither crash nor stop the stream.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Doors = ["chat", "rest", "scene", "script", "websocket"];

    [Fact]
    public async Task A_seeded_fuzz_run_of_the_demo_finds_no_crash_and_the_stream_keeps_delivering_frames()
    {
        var run = await Engine.RunAsync(["fuzz", "--seconds", "20", "--seed", "20261130", "--size", "320x180", "--json"]);

        var report = JsonNode.Parse(string.Join('\n', run.Stdout))!.AsObject();
        var findings = string.Join('\n', report["findings"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() != "refused without a problem")
            .Select(f => $"{f!["kind"]} ({f["door"]}, {f["count"]}×, first at case {f["first_case"]}): {f["symptom"]}\n    {f["example"]}"));
        Assert.True(report["crashes"]!.GetValue<long>() == 0, $"the fuzzer found crashes (replay one with fuzz --seed 20261130 --show N):\n{findings}");
        Assert.Equal(0, run.ExitCode);
        Assert.True(report["stream_delivering"]!.GetValue<bool>(), $"frames must still come after the run:\n{findings}");
        Assert.True(report["frames_delivered"]!.GetValue<long>() > 20 * 15, $"frames delivered: {report["frames_delivered"]}");
        // It really was hostile: every door was used, and much was refused with a problem.
        foreach (var door in Doors) Assert.True(report["doors"]![door]?["sent"]?.GetValue<long>() > 0, $"no request through {door}");
        Assert.True(report["rejected_with_problem"]!.GetValue<long>() > report["requests_sent"]!.GetValue<long>() / 5, report.ToJsonString());
        Assert.True(report["peak_memory_bytes"]!.GetValue<long>() is > 0 and var peak && peak < report["memory_budget_bytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_same_seed_sends_the_same_requests_and_another_seed_others()
    {
        var first = await Engine.RunAsync(["fuzz", "--seed", "5", "--list", "300"]);
        var again = await Engine.RunAsync(["fuzz", "--seed", "5", "--list", "300"]);
        var other = await Engine.RunAsync(["fuzz", "--seed", "6", "--list", "300"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(300, first.Stdout.Count);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
        foreach (var door in Doors) Assert.Contains(first.Stdout, line => line.Split(' ')[1] == door + ":");
    }

    [Fact]
    public async Task Fuzzing_refuses_an_engine_on_another_machine()
    {
        var run = await Engine.RunAsync(["fuzz", "--seconds", "1", "--url", "http://192.0.2.1:4200/"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only targets an engine on this machine", run.AllOutput);
    }
}
