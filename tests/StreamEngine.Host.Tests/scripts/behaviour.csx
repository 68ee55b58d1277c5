// The same behaviour as behaviour.js: an offline render of either gives the same frames.
Create("""{ "id": "box", "type": "shape", "zIndex": 5, "transform": { "x": 10, "y": 10, "width": 40, "height": 30 }, "props": { "shape": "rect", "fill": "#ff0000" } }""");
State["ticks"] = 0;
Every(0.2, () =>
{
    var ticks = State["ticks"]!.GetValue<int>() + 1;
    State["ticks"] = ticks;
    Update("title", new JsonObject { ["props"] = new JsonObject { ["text"] = "tick " + ticks } });
});
Animate("box", """{ "kind": "tween", "property": "x", "to": 100, "duration": 1 }""")
    .OnComplete(() => Update("box", """{ "props": { "fill": "#00ff00" } }"""));
OnFrame(t =>
{
    if (t.Index % 10 == 0) Update("box", new JsonObject { ["transform"] = new JsonObject { ["y"] = 10 + t.Index / 2.0 } });
});
After(0.5, () => Create("""{ "id": "dot", "type": "shape", "zIndex": 7, "transform": { "x": 140, "y": 5, "width": 12, "height": 12 }, "props": { "shape": "circle", "fill": "#ffff00" } }"""));
After(1.2, () => Remove("dot"));
