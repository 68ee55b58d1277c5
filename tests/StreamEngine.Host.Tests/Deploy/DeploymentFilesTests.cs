using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamEngine.TestFixtures;
using YamlDotNet.RepresentationModel;

namespace StreamEngine.Host.Tests.Deploy;

/// <summary>
/// The deployment files parse, point their probes at the ports and paths the engine really serves, start the engine
/// the build produces, and give it only settings it accepts (checked by the engine's own <c>validate</c>).
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Deploy(params string[] parts) => Path.Combine([RepoPaths.Root, "deploy", .. parts]);

    [Fact]
    public void Dockerfile_is_multi_stage_non_root_with_ffmpeg_fonts_and_a_readiness_healthcheck_on_the_engines_port()
    {
        var lines = DockerLines();
        Assert.True(lines.Count(l => l.StartsWith("FROM ")) >= 2, "a build stage and a runtime stage");
        var runtime = lines.SkipWhile(l => !l.StartsWith("FROM ${RUNTIME_IMAGE}")).ToList();
        Assert.NotEmpty(runtime);
        Assert.DoesNotContain(runtime, l => l.StartsWith("RUN ./stream-engine") || l.Contains("dotnet build"));
        var user = Assert.Single(runtime, l => l.StartsWith("USER ")).Split(' ')[1];
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        var install = Assert.Single(runtime, l => l.StartsWith("RUN apt-get"));
        foreach (var package in new[] { "ffmpeg", "fonts-dejavu-core", "fonts-noto-core", "fonts-noto-color-emoji", "util-linux" })
            Assert.Contains($" {package}", install);
        var health = Assert.Single(runtime, l => l.StartsWith("HEALTHCHECK "));
        Assert.Contains($"http://127.0.0.1:${{HEALTH_PORT:-{EngineDefaults.HealthPort}}}/health/ready", health);
        var exposed = Assert.Single(runtime, l => l.StartsWith("EXPOSE ")).Split(' ')[1..].Select(int.Parse);
        Assert.Equal(new[] { EngineDefaults.Port, EngineDefaults.WsPort, EngineDefaults.MetricsPort, EngineDefaults.HealthPort }.Order(), exposed.Order());
    }

    [Fact]
    public void The_images_entrypoint_is_the_engine_the_build_produces_and_its_default_scene_is_in_the_repository()
    {
        var lines = DockerLines();
        Assert.Contains("RUN ./stream-engine build", lines);
        // ./stream-engine build puts the engine into .build/bin; the runtime stage copies that folder to /opt/stream-engine/bin.
        Assert.Contains("-o \"$build/bin\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "stream-engine")));
        Assert.Contains("COPY --from=build /src/.build/bin /opt/stream-engine/bin", lines);
        var entry = JsonNode.Parse(Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ")).Split(' ', 2)[1])!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal("dotnet", entry[0]);
        Assert.Equal("/opt/stream-engine/bin/" + Path.GetFileName(RepoPaths.BuiltEngine), entry[1]);
        Assert.True(File.Exists(RepoPaths.BuiltEngine), $"{RepoPaths.BuiltEngine} (the file the image runs) is built from this repository");
        var command = JsonNode.Parse(Assert.Single(lines, l => l.StartsWith("CMD ")).Split(' ', 2)[1])!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal("run", command[0]);
        var scene = command[command.IndexOf("--scene") + 1];
        Assert.StartsWith("/opt/stream-engine/samples/", scene);
        Assert.True(File.Exists(RepoPaths.Samples(scene["/opt/stream-engine/samples/".Length..].Split('/'))), scene);
    }

    [DockerFact]
    public async Task Docker_builds_the_image()
    {
        var build = await ProcessRunner.RunAsync("docker", ["build", "-t", "stream-engine:test", RepoPaths.Root], timeout: TimeSpan.FromMinutes(20));
        Assert.True(build.ExitCode == 0, build.AllOutput);
    }

    [Fact]
    public async Task Compose_runs_the_engine_with_Redis_and_Prometheus_scraping_the_engines_metrics_port()
    {
        var compose = Yaml.Load(Deploy("compose", "compose.yaml"));
        Assert.Equal(["engine", "standby", "redis", "prometheus"], ((YamlMappingNode)compose.At("services")!).Children.Keys.Select(k => k.ToString()));
        // Two engines of one show: same store, same show, failover on, different names.
        Assert.Equal(ComposeEnvironment(compose, "engine")["SHOW_ID"], ComposeEnvironment(compose, "standby")["SHOW_ID"]);
        Assert.NotEqual(ComposeEnvironment(compose, "engine")["INSTANCE_ID"], ComposeEnvironment(compose, "standby")["INSTANCE_ID"]);
        Assert.All(new[] { "engine", "standby" }, s => Assert.Equal("redis", ComposeEnvironment(compose, s)["FAILOVER"]));
        Assert.Equal("../..", compose.Text("services.engine.build.context"));
        Assert.True(File.Exists(Path.Combine(Deploy("compose"), "../..", "Dockerfile")));
        Assert.Equal("redis://redis:6379", compose.Text("services.engine.environment.REDIS_URL"));
        foreach (var volume in compose.Items("services.prometheus.volumes").Select(v => ((YamlScalarNode)v).Value!.Split(':')[0]).Where(v => v.StartsWith('.')))
            Assert.True(File.Exists(Path.Combine(Deploy("compose"), volume)), $"{volume} is in the repository");
        var scrape = Yaml.Load(Deploy("compose", "prometheus.yml"));
        Assert.Equal($"engine:{EngineDefaults.MetricsPort}", scrape.Text("scrape_configs.0.static_configs.0.targets.0"));
        Assert.Equal($"standby:{EngineDefaults.MetricsPort}", scrape.Text("scrape_configs.0.static_configs.0.targets.1"));
        // promtool reads it as Prometheus in the container does, with the alert rules mounted next to it.
        using var folder = new TempDirectory();
        File.Copy(Deploy("compose", "prometheus.yml"), folder.File("prometheus.yml"));
        File.Copy(Deploy("prometheus", "alerts.yml"), folder.File("alerts.yml"));
        var check = await ProcessRunner.RunAsync("promtool", ["check", "config", folder.File("prometheus.yml")]);
        Assert.True(check.ExitCode == 0, check.AllOutput);
        await AssertEngineAcceptsAsync("compose.yaml", ComposeEnvironment(compose, "engine"));
        await AssertEngineAcceptsAsync("compose.yaml (standby)", ComposeEnvironment(compose, "standby"));
    }

    [Fact]
    public async Task Systemd_unit_verifies_restarts_the_engine_and_ties_its_watchdog_to_the_engines_notifications()
    {
        var unit = File.ReadAllLines(Deploy("systemd", "stream-engine.service"));
        Assert.Contains("Type=notify", unit);
        Assert.Contains("Restart=always", unit);
        Assert.Contains(unit, l => WatchdogLine().IsMatch(l));
        var exec = Assert.Single(unit, l => l.StartsWith("ExecStart="));
        Assert.Contains("/.build/bin/" + Path.GetFileName(RepoPaths.BuiltEngine) + " run --scene ", exec);
        // systemd's own parser: an unknown key or a bad value is a warning on stderr.
        var verify = await ProcessRunner.RunAsync("systemd-analyze", ["verify", Deploy("systemd", "stream-engine.service")]);
        Assert.True(verify.ExitCode == 0 && verify.Stderr.All(string.IsNullOrWhiteSpace), verify.AllOutput);
        var environment = unit.Where(l => l.StartsWith("Environment=")).Select(l => l["Environment=".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        await AssertEngineAcceptsAsync("stream-engine.service", environment);
    }

    [Fact]
    public async Task Kubernetes_deployment_probes_the_engines_health_port_takes_secrets_from_a_Secret_and_runs_one_show_per_pod()
    {
        var deployment = Yaml.Load(Deploy("kubernetes", "deployment.yaml"));
        Assert.Equal("Deployment", deployment.Text("kind"));
        var pod = deployment.At("spec.template.spec")!;
        var container = Assert.Single(pod.Items("containers"));
        Assert.Equal("run", container.Text("args.0"));
        // Two engines of the one show, active and standby, never on one node.
        Assert.Equal("2", deployment.Text("spec.replicas"));
        Assert.Equal("redis", container.Items("env").Single(e => e.Text("name") == "FAILOVER").Text("value"));
        Assert.Equal("metadata.name", container.Items("env").Single(e => e.Text("name") == "INSTANCE_ID").Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("kubernetes.io/hostname", pod.Text("affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.0.topologyKey"));
        Assert.Equal("/health/live", container.Text("livenessProbe.httpGet.path"));
        Assert.Equal("/health/ready", container.Text("readinessProbe.httpGet.path"));
        Assert.Equal(EngineDefaults.HealthPort.ToString(), container.Text("livenessProbe.httpGet.port"));
        Assert.Equal(EngineDefaults.HealthPort.ToString(), container.Text("readinessProbe.httpGet.port"));
        var ports = container.Items("ports").ToDictionary(p => p.Text("name"), p => int.Parse(p.Text("containerPort")));
        Assert.Equal(EngineDefaults.Port, ports["http"]);
        Assert.Equal(EngineDefaults.WsPort, ports["websocket"]);
        Assert.Equal(EngineDefaults.MetricsPort, ports["metrics"]);
        Assert.Equal(EngineDefaults.HealthPort, ports["health"]);
        Assert.Equal("true", pod.Text("securityContext.runAsNonRoot"));
        // Sized from the bench: engine + its ffmpeg took 0.78 of a core at 1080p30 (docs/operations.md, Sizing).
        Assert.True(Cores(container.Text("resources.requests.cpu")) >= 0.78);
        Assert.NotNull(container.At("resources.requests.memory"));
        Assert.Null(container.At("resources.limits.cpu"));

        var secret = Yaml.Load(Deploy("kubernetes", "secret.example.yaml"));
        Assert.Equal("Secret", secret.Text("kind"));
        Assert.Equal(secret.Text("metadata.name"), container.Text("envFrom.0.secretRef.name"));
        var inline = container.Items("env").Where(e => e.At("value") is not null).Select(e => e.Text("name")).ToList();
        Assert.DoesNotContain(inline, name => SecretName().IsMatch(name));
        Assert.All(((YamlMappingNode)secret.At("stringData")!).Children.Keys.Select(k => k.ToString()), k => Assert.Matches(SecretName(), k));

        var pdb = Yaml.Load(Deploy("kubernetes", "pdb.yaml"));
        Assert.Equal("PodDisruptionBudget", pdb.Text("kind"));
        var podLabels = (YamlMappingNode)deployment.At("spec.template.metadata.labels")!;
        foreach (var (key, value) in ((YamlMappingNode)pdb.At("spec.selector.matchLabels")!).Children)
            Assert.Equal(value.ToString(), podLabels.Children[key].ToString());

        // A value from the pod (valueFrom: metadata.name) is a pod name such as this one.
        var environment = container.Items("env").ToDictionary(e => e.Text("name"), e => e.At("value") is null ? "stream-engine-auction-7d9f-abcde" : e.Text("value"));
        foreach (var (key, value) in ((YamlMappingNode)secret.At("stringData")!).Children) environment[key.ToString()] = value.ToString();
        await AssertEngineAcceptsAsync("deployment.yaml", environment);
    }

    /// <summary>The engine's own <c>validate</c> accepts the settings a file gives it (names and values).</summary>
    private static async Task AssertEngineAcceptsAsync(string file, IReadOnlyDictionary<string, string> environment)
    {
        using var folder = new TempDirectory();
        var config = new JsonObject();
        foreach (var (key, value) in environment.Where(e => !NotEngineSettings.Contains(e.Key))) config[key] = value;
        File.WriteAllText(folder.File("config.json"), config.ToJsonString());
        var validate = await Engine.RunAsync(["validate", folder.File("config.json")]);
        Assert.True(validate.ExitCode == 0, $"{file}: {validate.AllOutput}");
    }

    // Read by the wrapper, the runtime or the command line, not by the engine's settings.
    private static readonly HashSet<string> NotEngineSettings = ["STREAM_ENGINE_HOME", "STREAM_OUTPUT", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO"];

    private static Dictionary<string, string> ComposeEnvironment(YamlNode compose, string service) =>
        ((YamlMappingNode)compose.At($"services.{service}.environment")!).Children.ToDictionary(e => e.Key.ToString(),
            // ${NAME:-default} takes its default; ${NAME:?message} is required: give a value.
            e => ComposeVariable().Replace(e.Value.ToString(), m => m.Groups[2].Value == "-" ? m.Groups[3].Value : "set-by-the-user"));

    private static double Cores(string quantity) => quantity.EndsWith('m') ? double.Parse(quantity[..^1]) / 1000 : double.Parse(quantity);

    private static List<string> DockerLines()
    {
        // Continuation lines joined, comments dropped: one instruction per line.
        var text = Regex.Replace(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")), @"\\\n\s*", " ");
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }

    [GeneratedRegex(@"^WatchdogSec=\d+$")]
    private static partial Regex WatchdogLine();

    [GeneratedRegex(@"TOKEN|PASSWORD|SECRET|KEY|STREAM_OUTPUT")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\$\{(\w+):([-?])([^}]*)\}")]
    private static partial Regex ComposeVariable();
}
