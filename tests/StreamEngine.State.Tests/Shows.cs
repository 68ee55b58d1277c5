using System.Text.Json.Nodes;

namespace StreamEngine.State.Tests;

/// <summary>Scene snapshots shaped like the engine's: layers, animations, triggers and script state.</summary>
public static class Shows
{
    public static ShowSnapshot At(long frame, string title = "Evening auction") => new(Scene(title, frame), frame, 30,
        new DateTimeOffset(2025, 11, 25, 20, 0, 0, TimeSpan.Zero).AddSeconds(frame / 30.0));

    public static JsonObject Scene(string title, long frame) => new()
    {
        ["layers"] = new JsonArray(
            new JsonObject { ["id"] = "title", ["type"] = "text", ["text"] = title, ["style"] = new JsonObject { ["font"] = "DejaVu Sans", ["size"] = 48 } },
            new JsonObject { ["id"] = "lot", ["type"] = "image", ["src"] = "lots/7.png", ["opacity"] = 0.75 }),
        ["animations"] = new JsonArray(new JsonObject
        {
            ["target"] = "title.opacity", ["keyframes"] = new JsonArray(0, 1, 0.5), ["startedAtFrame"] = frame - 10,
        }),
        ["triggers"] = new JsonObject { ["onBid"] = new JsonArray("flash", "ding") },
        ["scripts"] = new JsonObject { ["auction"] = new JsonObject { ["highBid"] = 120, ["bidder"] = "ünïcødé \"quoted\"", ["closed"] = false, ["note"] = null } },
    };
}
