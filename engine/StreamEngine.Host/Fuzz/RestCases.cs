namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Every REST route, as it is meant to be called and not: bodies of the wrong shape or broken JSON, wrong methods,
/// wrong content types, a bad token, a foreign Origin, odd ids in the path, unknown paths.
/// </summary>
internal sealed class RestCases(Garbage g, ShowFacts show, SceneCases scene, ChatCases chat, ScriptCases script)
{
    private static readonly string[] Reads = ["/api/show", "/api/stats", "/api/plugins", "/api/layers", "/api/animations", "/api/outputs", "/api/scripts", "/openapi/v1.json"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "FUZZ"];
    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/xml", "application/json-patch+json", "*/*", "application/json;;;", "",
    ];

    public FuzzCase Next()
    {
        var (method, path, body) = Route();
        var contentType = method is "GET" ? null : "application/json";
        if (g.Chance(0.1)) method = g.Pick(Methods);
        if (g.Chance(0.1)) contentType = g.Chance(0.2) ? null : g.Pick(ContentTypes);
        if (body is not null && g.Chance(0.15)) body = g.Chance(0.5) ? g.BrokenJson(body) : g.Value();
        return new HttpCase("rest", method, path, body, contentType, Authorized: !g.Chance(0.05),
            Origin: g.Chance(0.05) ? g.Pick(new[] { "https://evil.example", "null", "http://127.0.0.1:1" }) : null);
    }

    private (string Method, string Path, string? Body) Route() => g.Random.Next(16) switch
    {
        0 or 1 => ("GET", g.Pick(Reads), null),
        2 => ("GET", $"/api/layers/{Id(show.LayerIds)}", null),
        3 => ("POST", "/api/layers", scene.Layer($"fuzz-{g.Random.Next(50)}")),
        4 => ("PATCH", $"/api/layers/{Id(show.LayerIds)}", scene.Patch()),
        5 => ("DELETE", $"/api/layers/fuzz-{g.Random.Next(50)}", null),
        6 => ("POST", "/api/layers/reorder", Garbage.Object(("order", g.Chance(0.7) ? Garbage.Array(g.Random.Next(0, 8), () => Garbage.Quote(g.Id(show.LayerIds))) : g.Value(1)))),
        7 => ("POST", "/api/animations", script.Animation()),
        8 => script.Control() is HttpCase c ? (c.Method, c.Path, c.Body) : ("GET", "/api/show", null),
        9 => ("POST", $"/api/events/{Id(["bid", "sold", "chat"])}", null),
        10 => ("POST", "/api/chat", chat.Message()),
        11 => ("POST", "/api/outputs", Garbage.Object(("target", Target()))),
        // out1 is the show's own recording, which tells whether frames still come: only outputs the fuzzer added go.
        12 => ("DELETE", $"/api/outputs/{Id(["out2", "out3", "out4", "out5", "out6"])}", null),
        13 => ("POST", $"/api/plugins/{Id(g.Chance(0.1) ? ["streamengine.easings"] : ["nope", "../layers"])}/reload", null),
        14 => ("POST", $"/api/scripts/{Id(["auction.js", "../auction.js", "missing.js"])}/reload", null),
        _ => (g.Pick(Methods), g.Pick(new[] { "/api", "/api/", "/api/layers/", "/api//layers", "/api/layers/a/b/c", "/api/nope", "/api/%00", "/api/layers?x=" + new string('a', 9000), "/" + new string('a', 20000), "/api/../api/show", "/metrics", "/health/live" }), g.Chance(0.5) ? null : g.Value()),
    };

    private string Id(IReadOnlyList<string> real) => Uri.EscapeDataString(g.Id(real));

    /// <summary>
    /// Output targets that harm nothing: files only inside the fuzzer's own folder, stream URLs only to a closed
    /// loopback port, and targets the engine must refuse. Never a path elsewhere on this machine, never another host.
    /// </summary>
    private string Target() => g.Random.Next(8) switch
    {
        0 => Garbage.Quote(Path.Combine(show.Files, $"out-{g.Random.Next(1000)}.ts")),
        1 => Garbage.Quote(Path.Combine(show.Files, "same.mp4")),
        2 => Garbage.Quote($"rtmp://127.0.0.1:9/live/{g.Pick(new[] { "SECRETKEY", "app/key?x=1" })}"),
        3 => Garbage.Quote(g.Pick(new[] { "srt://127.0.0.1:9?streamid=key", "rtmps://127.0.0.1:9/k", "rtmp://", "rtmp://[::1", "srt://:0" })),
        4 => Garbage.Quote(g.Pick(new[] { "ftp://127.0.0.1/x", "javascript:alert(1)", "", " ", "file:///dev/null", "no-extension" })),
        _ => g.Value(0) is var v && v.StartsWith('"') ? "1" : v,
    };
}
