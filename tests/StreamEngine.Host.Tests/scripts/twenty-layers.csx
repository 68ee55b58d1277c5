// Bench load: touches 20 layers every frame (moves them and sets their opacity), and changes a text twice a second.
for (var i = 0; i < 20; i++)
    Create($$"""{ "id": "dot-{{i}}", "type": "shape", "zIndex": {{60 + i}}, "transform": { "x": {{40 + i * 60}}, "y": 360, "width": 24, "height": 24 }, "props": { "shape": "circle", "fill": "#ffd166" } }""");
Create("""{ "id": "counter", "type": "overlay.text", "zIndex": 90, "transform": { "x": 40, "y": 20, "width": 400, "height": 50 }, "props": { "text": "", "color": "#ffffff", "font": { "family": "sans", "size": 36 } } }""");
OnFrame(t =>
{
    for (var i = 0; i < 20; i++)
        Update($"dot-{i}", new JsonObject { ["transform"] = new JsonObject { ["y"] = 360 + 80 * Math.Sin(t.Seconds * 2 + i / 3.0), ["opacity"] = 0.5 + 0.5 * Math.Cos(t.Seconds + i) } });
    if (t.Index % 15 == 0) Update("counter", new JsonObject { ["props"] = new JsonObject { ["text"] = $"frame {t.Index}" } });
});
