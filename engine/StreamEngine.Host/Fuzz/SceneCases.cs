namespace StreamEngine.Host.Fuzz;

/// <summary>
/// Scene files and layers: whole scenes through <c>POST /api/scene</c> (the show's own, a mutated one, random ones),
/// layers with random props through <c>POST /api/layers</c>, and merge patches of the show's layers.
/// </summary>
internal sealed class SceneCases(Garbage g, ShowFacts show)
{
    private static readonly string[] Props =
    [
        "text", "color", "src", "shape", "fill", "stroke", "strokeWidth", "radius", "points", "d", "viewBox", "gradient", "font",
        "maxVisible", "maxLines", "mentions", "sheet", "rows", "cols", "fps", "start", "folder", "playback", "states", "state",
        "metadata", "accent", "letterSpacing", "lineHeight", "align", "shadow", "outline", "blur", "column", "speechStyle", "side",
    ];

    private static readonly string[] Sources =
    [
        "\"assets/artwork.png\"", "\"assets/ping-sheet.png\"", "\"characters/assistant\"", "\"missing.png\"", "\"../../../etc/hostname\"",
        "\"/etc/passwd\"", "\"/dev/zero\"", "\"/proc/self/mem\"", "\"http://127.0.0.1:9/x.png\"", "\"file:///etc/passwd\"", "\"data:image/png;base64,AAAA\"",
    ];

    public FuzzCase Next() => g.Random.Next(10) switch
    {
        < 3 => new HttpCase("scene", "POST", "/api/layers", Layer(g.Chance(0.3) ? g.Pick(show.LayerIds) : $"fuzz-{g.Random.Next(50)}")),
        < 6 => new HttpCase("scene", "PATCH", $"/api/layers/{Uri.EscapeDataString(g.Id(show.LayerIds))}", Patch()),
        6 => new HttpCase("scene", "POST", "/api/scene", $"{{\"layers\":{show.SceneLayers},\"transition\":{Transition()}}}"),
        < 9 => new HttpCase("scene", "POST", "/api/scene", Garbage.Object(("layers", Garbage.Array(g.Random.Next(0, 12), () => Layer($"r{g.Random.Next(1000)}"))), ("transition", Transition()))),
        _ => new HttpCase("scene", "DELETE", $"/api/layers/{Uri.EscapeDataString(g.Chance(0.8) ? $"fuzz-{g.Random.Next(50)}" : g.Id(show.LayerIds))}", null),
    };

    /// <summary>A layer of a real type most of the time, with a transform and props that may be anything.</summary>
    public string Layer(string id)
    {
        var fields = new List<(string, string)> { ("id", g.Chance(0.9) ? Garbage.Quote(id) : g.Value(1)) };
        if (g.Chance(0.95)) fields.Add(("type", g.Chance(0.85) ? Garbage.Quote(g.Pick(ShowFacts.LayerTypes)) : g.Text()));
        if (g.Chance(0.5)) fields.Add(("zIndex", g.Number(100)));
        if (g.Chance(0.2)) fields.Add(("visible", g.Value(0)));
        if (g.Chance(0.8)) fields.Add(("transform", Transform()));
        if (g.Chance(0.9)) fields.Add(("props", PropsObject()));
        if (g.Chance(0.05)) fields.Add((g.Key(), g.Value()));
        return Garbage.Object(fields);
    }

    /// <summary>A merge patch: a transform change, a props change, or anything at all.</summary>
    public string Patch() => g.Random.Next(4) switch
    {
        0 => Garbage.Object(("transform", Transform())),
        1 => Garbage.Object(("props", PropsObject())),
        2 => Garbage.Object(("visible", g.Value(0)), ("zIndex", g.Number(50))),
        _ => g.Value(),
    };

    public string Transform()
    {
        string[] names = ["x", "y", "width", "height", "scaleX", "scaleY", "rotation", "opacity"];
        var fields = names.Where(_ => g.Chance(0.5)).Select(n => (n, Dimension(n))).ToList();
        if (g.Chance(0.2)) fields.Add(("anchor", Garbage.Object(("x", g.Number(1)), ("y", g.Number(1)))));
        return Garbage.Object(fields);
    }

    // Mostly sizes a show would use, so props are exercised on drawn layers; sometimes anything.
    private string Dimension(string name) => g.Chance(0.7)
        ? name switch { "opacity" or "scaleX" or "scaleY" => $"{g.Random.NextDouble():0.00}", _ => $"{g.Random.Next(0, 400)}" }
        : g.Number(5000);

    public string PropsObject() => Garbage.Object(Enumerable.Range(0, g.Random.Next(0, 7)).Select(_ =>
    {
        var name = g.Pick(Props);
        return (name, name is "src" or "sheet" or "folder" && g.Chance(0.6) ? g.Pick(Sources) : g.Value());
    }));

    public string Transition() => Garbage.Object(
        ("kind", g.Chance(0.7) ? Garbage.Quote(g.Pick(new[] { "cut", "crossfade", "slide", "wipe" })) : g.Value(0)),
        ("duration", g.Chance(0.6) ? $"{g.Random.NextDouble():0.0}" : g.Number()),
        ("easing", g.Chance(0.7) ? "\"easeInOutSine\"" : g.Text()));
}
