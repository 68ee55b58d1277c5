using System.Text;
using System.Text.Json.Nodes;

namespace StreamEngine.Host.Fuzz;

/// <summary>What a case got: accepted, refused with a problem (problem+json, a protocol status or close code), refused bare, or a crash.</summary>
internal enum Verdict { Accepted, Problem, Refused, Crash }

/// <param name="Symptom">For refusals without a problem and crashes: what was seen (status, close code, timeout, exit).</param>
internal sealed record Outcome(Verdict Verdict, string? Symptom = null)
{
    public static readonly Outcome Accepted = new(Verdict.Accepted);
    public static readonly Outcome Problem = new(Verdict.Problem);
}

/// <summary>Counts per front door, findings grouped by symptom (each with its first case, to replay), and the stream's figures.</summary>
internal sealed class FuzzReport(int seed, double seconds, string engine)
{
    private sealed record Finding(string Kind, string Door, string Symptom, long FirstCase, string Example)
    {
        public long Count;
    }

    private readonly Dictionary<string, long[]> _doors = [];
    private readonly Dictionary<string, Finding> _findings = [];

    public long Sent => _doors.Values.Sum(c => c[0]);
    public long Crashes => _doors.Values.Sum(c => c[1 + (int)Verdict.Crash]) + _findings.Values.Where(f => f.Kind == "stall").Sum(f => f.Count);
    public long Frames { get; set; }
    public long Dropped { get; set; }
    public bool Delivering { get; set; }
    public long? PeakMemory { get; set; }
    public long MemoryBudget { get; init; }
    public int? EngineExitCode { get; set; }
    public string? EngineLog { get; set; }

    public void Record(long index, FuzzCase sent, Outcome outcome)
    {
        if (!_doors.TryGetValue(sent.Door, out var counts)) _doors[sent.Door] = counts = new long[5];
        counts[0]++;
        counts[1 + (int)outcome.Verdict]++;
        if (outcome.Verdict is Verdict.Crash or Verdict.Refused)
            Note(outcome.Verdict == Verdict.Crash ? "crash" : "refused without a problem", sent.Door, outcome.Symptom ?? "?", index, sent);
    }

    /// <summary>A finding outside any one case's answer (the stream stalled, memory past the budget) after case <paramref name="index"/>.</summary>
    public void Note(string kind, string door, string symptom, long index, FuzzCase? last)
    {
        var key = $"{kind}|{door}|{symptom}";
        if (!_findings.TryGetValue(key, out var finding)) _findings[key] = finding = new Finding(kind, door, symptom, index, last?.Summary ?? "");
        finding.Count++;
    }

    public JsonObject ToJson()
    {
        long Sum(Verdict v) => _doors.Values.Sum(c => c[1 + (int)v]);
        return new JsonObject
        {
            ["seed"] = seed, ["seconds"] = seconds, ["engine"] = engine,
            ["requests_sent"] = Sent, ["accepted"] = Sum(Verdict.Accepted), ["rejected_with_problem"] = Sum(Verdict.Problem),
            ["rejected_without_problem"] = Sum(Verdict.Refused), ["crashes"] = Crashes,
            ["doors"] = new JsonObject(_doors.OrderBy(d => d.Key).Select(d => KeyValuePair.Create<string, JsonNode?>(d.Key, new JsonObject
            {
                ["sent"] = d.Value[0], ["accepted"] = d.Value[1], ["rejected_with_problem"] = d.Value[2], ["rejected_without_problem"] = d.Value[3], ["crashes"] = d.Value[4],
            }))),
            ["frames_delivered"] = Frames, ["frames_dropped"] = Dropped, ["stream_delivering"] = Delivering,
            ["peak_memory_bytes"] = PeakMemory, ["memory_budget_bytes"] = MemoryBudget, ["engine_exit_code"] = EngineExitCode, ["engine_log"] = EngineLog,
            ["findings"] = new JsonArray([.. Ordered().Select(f => (JsonNode)new JsonObject
            {
                ["kind"] = f.Kind, ["door"] = f.Door, ["symptom"] = f.Symptom, ["count"] = f.Count, ["first_case"] = f.FirstCase, ["example"] = f.Example,
            })]),
        };
    }

    public string ToText()
    {
        var json = ToJson();
        var text = new StringBuilder()
            .AppendLine($"fuzz: seed {seed}, {seconds} s against {engine}")
            .AppendLine($"  requests {Sent}: accepted {json["accepted"]}, rejected with a problem {json["rejected_with_problem"]}, " +
                $"rejected without a problem {json["rejected_without_problem"]}, crashes {Crashes}");
        foreach (var (door, c) in _doors.OrderBy(d => d.Key))
            text.AppendLine($"    {door,-10} {c[0],7} sent, {c[1],6} accepted, {c[2],6} problem, {c[3],5} bare, {c[4],4} crashes");
        text.AppendLine($"  frames delivered {Frames}, dropped {Dropped}; stream {(Delivering ? "still delivering" : "NOT delivering")}")
            .AppendLine($"  peak memory {(PeakMemory is { } m ? $"{m / (1 << 20)} MiB" : "unknown (engine not started here)")} (budget {MemoryBudget / (1 << 20)} MiB)");
        if (EngineExitCode is { } code) text.AppendLine($"  the engine EXITED with code {code}");
        if (EngineLog is not null) text.AppendLine($"  engine log kept: {EngineLog}");
        foreach (var f in Ordered())
            text.AppendLine($"  {f.Kind} ({f.Door}, {f.Count}×, first at case {f.FirstCase}): {f.Symptom}").AppendLine($"      {f.Example}");
        return text.ToString();
    }

    private IEnumerable<Finding> Ordered() => _findings.Values.OrderBy(f => f.Kind == "refused without a problem").ThenBy(f => f.FirstCase);
}
