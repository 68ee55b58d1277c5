using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StreamEngine.TestFixtures;

namespace StreamEngine.Host.Tests;

/// <summary>/openapi/v1.json of a live engine, as a client generator would read it: lint-clean, and true to what each route answers.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly TempDirectory _dir = new("openapi");

    [Fact]
    public async Task The_description_passes_Redocly_recommended_rules()
    {
        var redocly = Path.Combine(RepoPaths.Root, "tests", "openapi", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: run tests/run.sh (it runs npm ci in tests/openapi)");
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));
        var document = _dir.File("openapi.json");
        await File.WriteAllTextAsync(document, await engine.Api.GetStringAsync("openapi/v1.json"));

        var lint = await ProcessRunner.RunAsync(redocly, ["lint", document, "--config", Path.Combine(RepoPaths.Root, "tests", "openapi", "redocly.yaml"), "--format", "summary"],
            new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

        Assert.True(lint.ExitCode == 0, $"redocly lint found errors:\n{lint.AllOutput}");
        Assert.Contains("valid", lint.AllOutput);
    }

    /// <summary>Each operation: a request that should work and one that should not (against the hello sample), in an order that makes the valid ones valid.</summary>
    private (string Method, string Path, string Operation, string? Valid, string? Invalid, string? InvalidPath)[] Calls() =>
    [
        ("GET", "api/show", "/api/show", null, null, null),
        ("GET", "api/stats", "/api/stats", null, null, null),
        ("GET", "api/plugins", "/api/plugins", null, null, null),
        ("GET", "api/scripts", "/api/scripts", null, null, null),
        ("GET", "api/layer-types", "/api/layer-types", null, null, null),
        ("POST", "api/auth", "/api/auth", null, null, null),
        ("GET", "api/outputs", "/api/outputs", null, null, null),
        ("GET", "api/hls/ghost/master.m3u8", "/api/hls/{path}", null, null, null),
        ("GET", "api/animations", "/api/animations", null, null, null),
        ("GET", "api/layers", "/api/layers", null, null, null),
        ("GET", "api/layers/bid", "/api/layers/{id}", null, null, "api/layers/ghost"),
        ("POST", "api/layers", "/api/layers", """{"id":"badge","type":"shape","props":{"fill":"#00ff00"}}""", """{"id":"x","type":"hologram"}""", null),
        ("PATCH", "api/layers/badge", "/api/layers/{id}", """{"transform":{"x":20}}""", """{"transform":{"x":"left"}}""", "api/layers/ghost"),
        ("POST", "api/layers/reorder", "/api/layers/reorder", """{"order":["badge","bid"]}""", """{"order":"bid"}""", null),
        ("POST", "api/animations", "/api/animations", """{"id":"spin","kind":"tween","target":"badge","property":"transform.rotation","to":90,"duration":60}""", "{}", null),
        ("POST", "api/animations/spin/pause", "/api/animations/{id}/{action}", "{}", """{"seconds":"soon"}""", "api/animations/ghost/pause"),
        ("POST", "api/events/bid", "/api/events/{name}", null, null, "api/events/%20"),
        ("POST", "api/chat", "/api/chat", """{"author":"ana","text":"bid 3 ETH"}""", """{"author":"","text":"hi"}""", null),
        ("POST", "api/outputs", "/api/outputs", new JsonObject { ["target"] = _dir.File("extra.ts") }.ToJsonString(), """{"target":"ftp://127.0.0.1/x"}""", null),
        ("DELETE", "api/outputs/out2", "/api/outputs/{id}", null, null, "api/outputs/ghost"),
        ("POST", "api/scripts/ghost.js/reload", "/api/scripts/{name}/reload", null, null, "api/scripts/ghost.js/reload"),
        ("POST", "api/plugins/streamengine.easings/reload", "/api/plugins/{id}/reload", null, null, "api/plugins/ghost/reload"),
        ("DELETE", "api/layers/badge", "/api/layers/{id}", null, null, "api/layers/ghost"),
        ("GET", "api/scenes", "/api/scenes", null, null, null),
        ("POST", "api/scenes", "/api/scenes", """{"name":"Alt","layers":["bid"]}""", """{"name":5,"layers":[]}""", null),
        ("PUT", "api/scenes/Alt", "/api/scenes/{name}", """{"layers":["bid"]}""", """{"layers":"bid"}""", null),
        ("GET", "api/scenes/Alt/preview", "/api/scenes/{name}/preview", null, null, "api/scenes/ghost/preview"),
        ("POST", "api/scenes/Alt/switch", "/api/scenes/{name}/switch", """{"transition":{"kind":"cut"}}""", """{"transition":{"kind":"spin"}}""", "api/scenes/ghost/switch"),
        ("POST", "api/scenes/Main/switch", "/api/scenes/{name}/switch", "{}", null, null),
        ("DELETE", "api/scenes/Alt", "/api/scenes/{name}", null, null, "api/scenes/ghost"),
        ("GET", "api/chat/sources", "/api/chat/sources", null, null, null),
        ("PUT", "api/chat/sources/sim", "/api/chat/sources/{id}", """{"type":"simulated","settings":{"rate":1}}""", """{"type":"hologram"}""", null),
        ("DELETE", "api/chat/sources/sim", "/api/chat/sources/{id}", null, null, "api/chat/sources/ghost"),
        ("DELETE", "api/chat/ghost", "/api/chat/{id}", null, null, null),
        ("GET", "api/encoder", "/api/encoder", null, null, null),
        ("PUT", "api/encoder", "/api/encoder", """{"id":"ffmpeg"}""", """{"id":5}""", null),
        ("GET", "api/behaviours", "/api/behaviours", null, null, null),
        ("GET", "api/behaviours/chat/bans", "/api/behaviours/{id}/{path}", null, null, "api/behaviours/ghost/bans"),
        ("POST", "api/behaviours/chat/bans", "/api/behaviours/{id}/{path}", """{"author":"spammer","seconds":60}""", """{"author":5}""", null),
        ("DELETE", "api/behaviours/chat/bans/spammer", "/api/behaviours/{id}/{path}", null, null, "api/behaviours/ghost/bans/x"),
        ("PUT", "api/behaviours/ghost/x", "/api/behaviours/{id}/{path}", "{}", null, null),
        ("PATCH", "api/behaviours/ghost/x", "/api/behaviours/{id}/{path}", "{}", null, null),
        ("GET", "api/audio", "/api/audio", null, null, null),
        ("PATCH", "api/audio/channels/music", "/api/audio/channels/{id}", """{"gainDb":-6}""", """{"gainDb":"loud"}""", "api/audio/channels/ghost"),
        ("POST", "api/audio/play", "/api/audio/play", """{"cue":"gavel"}""", """{"cue":5}""", null),
        ("POST", "api/scene", "/api/scene", """{"layers":[{"id":"bg","type":"background","props":{"color":"#223344"}}],"transition":{"kind":"cut"}}""", """{"layers":{}}""", null),
    ];

    [Fact]
    public async Task Each_route_documents_the_codes_it_answers_to_a_valid_and_an_invalid_request()
    {
        await using var engine = await RunningEngine.StartAsync(_dir.File("show.ts"));
        var document = (await engine.Api.GetFromJsonAsync<JsonObject>("openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();
        var calls = Calls();
        Assert.Equal(operations.Order(), calls.Select(c => $"{c.Method} {c.Operation}").ToHashSet().Order());

        var wrong = new List<string>();
        var answered = new List<string>();
        foreach (var (method, path, operation, valid, invalid, invalidPath) in calls)
        {
            var documented = paths[operation]![method.ToLowerInvariant()]!["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
            foreach (var (target, body) in new[] { (path, valid), (invalidPath ?? path, invalid ?? valid) }.Distinct())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                if (method != "GET") request.Content = RunningEngine.Json(body ?? ""); // every change is JSON, with a body or without
                using var response = await engine.Api.SendAsync(request);
                var status = ((int)response.StatusCode).ToString();
                answered.Add($"{method} {target} {status}");
                if (!documented.Contains(status)) wrong.Add($"{method} {target} {body}: answered {status}, documented {string.Join(", ", documented.Order())}");
                if (status.StartsWith('4') && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    wrong.Add($"{method} {target}: {status} without problem details");
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        // Both kinds were tried: successes and refusals.
        Assert.Contains(answered, a => a.EndsWith(" 201", StringComparison.Ordinal));
        Assert.Contains(answered, a => a.EndsWith(" 204", StringComparison.Ordinal));
        Assert.Contains(answered, a => a.EndsWith(" 404", StringComparison.Ordinal));
        Assert.Contains(answered, a => a.EndsWith(" 400", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();
}
