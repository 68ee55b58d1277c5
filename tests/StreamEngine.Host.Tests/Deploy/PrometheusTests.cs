using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>deploy/prometheus: the alert rules pass promtool, name metrics the engine serves, and a real Prometheus scrapes a live engine.</summary>
public sealed partial class PrometheusTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "deploy", "prometheus");

    [Fact]
    public async Task Alert_rules_and_scrape_config_pass_promtool_and_its_rule_tests()
    {
        var check = await ProcessRunner.RunAsync("promtool", ["check", "config", Path.Combine(Folder, "prometheus.yml")]);
        Assert.True(check.ExitCode == 0, check.AllOutput);
        Assert.Contains("SUCCESS: 9 rules found", check.AllOutput);
        // Each test case has series that must fire and series next to them that must not (promtool wants the exact set).
        var test = await ProcessRunner.RunAsync("promtool", ["test", "rules", Path.Combine(Folder, "alerts.test.yml")]);
        Assert.True(test.ExitCode == 0, test.AllOutput);
        Assert.Contains("SUCCESS", test.AllOutput);
    }

    [Fact]
    public void Every_alert_has_a_runbook_section_in_the_operations_guide()
    {
        var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"));
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));
        var alerts = AlertName().Matches(rules).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, alerts.Count);
        foreach (var alert in alerts)
        {
            Assert.Contains($"runbook: \"docs/operations.md#{alert.ToLowerInvariant()}\"", rules);
            Assert.Matches(new Regex($"^### {alert}$", RegexOptions.Multiline), guide);
        }
    }

    [Fact]
    public async Task A_real_Prometheus_scrapes_a_live_engine_whose_frame_counter_rises_and_every_alert_metric_exists()
    {
        using var folder = new TempDirectory();
        // The layers demo has a chat source (the simulated audience) and an output, so every labelled family has a series.
        await using var engine = await RunningEngine.StartSceneAsync(folder.File("show.mp4"), RepoPaths.Samples("layers", "scene.json"),
            Engine.Environment(), "--audience", RepoPaths.Samples("layers", "audience.json"));
        var metricsPort = engine.Environment["METRICS_PORT"];
        using var prometheus = new PrometheusServer([$"127.0.0.1:{metricsPort}"], Path.Combine(Folder, "alerts.yml"));
        using var http = new HttpClient { BaseAddress = prometheus.Address };

        var first = await FramesAsync(http, TimeSpan.FromSeconds(30), after: -1);
        var second = await FramesAsync(http, TimeSpan.FromSeconds(30), after: first);
        Assert.True(second > first, $"frames counter went from {first} to {second}");

        // Every metric an alert reads is one the engine serves (so no alert watches a name that never exists).
        var served = await Poll.UntilAsync(async () =>
        {
            var names = await SeriesNamesAsync(http);
            return names.Contains("streamengine_chat_source_state") && names.Contains("streamengine_output_state") ? names : null;
        }, TimeSpan.FromSeconds(30), "chat source and output series");
        var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"));
        var used = MetricName().Matches(rules).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, served));
        // The rules loaded into the running Prometheus are healthy (evaluated without error against real series).
        var health = await Poll.UntilAsync(async () =>
        {
            var answer = await http.GetFromJsonAsync<JsonObject>("api/v1/rules");
            var states = answer!["data"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string)r!["health"]!).ToList();
            return states.Count == 9 && states.All(h => h != "unknown") ? states : null;
        }, TimeSpan.FromSeconds(20), "evaluated rules");
        Assert.All(health, h => Assert.Equal("ok", h));

        // Every query of the Grafana dashboard is valid PromQL over this engine's series, and each panel has data
        // (after a minute of rates, so only the first query of each panel, over the series that exist).
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "grafana", "streamengine.json")))!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray().Select(t => (string)t!["expr"]!)).ToList();
        Assert.Equal(12, dashboard["panels"]!.AsArray().Count);
        foreach (var query in queries)
        {
            var answer = await http.GetFromJsonAsync<JsonObject>("api/v1/query?query=" + Uri.EscapeDataString(query.Replace("$instance", ".*")));
            Assert.True((string?)answer!["status"] == "success", $"{query}: {answer.ToJsonString()}");
        }
        var names = await SeriesNamesAsync(http);
        Assert.All(queries.Where(q => !q.Contains("rate(") && !q.Contains("increase(")), q => Assert.Contains(MetricName().Match(q).Value, names));
        // What a person opening the dashboard sees: every panel draws something (one of its queries returns series).
        var empty = await EmptyPanelsAsync(http, dashboard);
        for (var waited = 0; empty.Count > 0 && waited < 30; waited++, empty = await EmptyPanelsAsync(http, dashboard)) await Task.Delay(1000);
        Assert.True(empty.Count == 0, $"panels without data: {string.Join(", ", empty)}");
    }

    /// <summary>The titles of the dashboard's panels none of whose queries returns a series now.</summary>
    private static async Task<List<string>> EmptyPanelsAsync(HttpClient http, JsonNode dashboard)
    {
        var empty = new List<string>();
        foreach (var panel in dashboard["panels"]!.AsArray())
        {
            var drawn = false;
            foreach (var query in panel!["targets"]!.AsArray().Select(t => (string)t!["expr"]!))
            {
                var answer = await http.GetFromJsonAsync<JsonObject>("api/v1/query?query=" + Uri.EscapeDataString(query.Replace("$instance", ".*")));
                drawn |= answer!["data"]!["result"]!.AsArray().Count > 0;
            }
            if (!drawn) empty.Add((string)panel["title"]!);
        }
        return empty;
    }

    /// <summary>The frames counter as Prometheus has scraped it, once it is above <paramref name="after"/>.</summary>
    private static async Task<double> FramesAsync(HttpClient http, TimeSpan timeout, double after) => (await Poll.UntilAsync<double[]>(async () =>
    {
        var answer = await http.GetFromJsonAsync<JsonObject>("api/v1/query?query=streamengine_frames_rendered_total");
        var result = answer?["data"]?["result"]?.AsArray();
        if (result is not { Count: 1 }) return null;
        var value = double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
        return value > after ? [value] : null;
    }, timeout, $"frames counter above {after}"))[0];

    private static async Task<HashSet<string>> SeriesNamesAsync(HttpClient http)
    {
        var answer = await http.GetFromJsonAsync<JsonObject>("api/v1/label/__name__/values");
        return answer!["data"]!.AsArray().Select(n => (string)n!).ToHashSet();
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    [GeneratedRegex(@"\b(?:streamengine|process)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
