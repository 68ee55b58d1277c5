using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>A whole scene: frame size, frame rate and layers, in the JSON shape of scene files.</summary>
public sealed class SceneState
{
    /// <summary>Frame size as <c>WIDTHxHEIGHT</c>, for example <c>1280x720</c>. Null means the configured resolution.</summary>
    public string? Size { get; set; }

    /// <summary>Frames per second; null means the configured TARGET_FPS.</summary>
    public int? Fps { get; set; }

    /// <summary>The layers of the scene.</summary>
    public List<LayerState> Layers { get; set; } = [];

    /// <summary>Animations and timelines (JSON, see docs/animation.md), started with the show or at their <c>start</c> time.</summary>
    public List<JsonObject> Animations { get; set; } = [];

    /// <summary>Triggers that start animations on events and timers (JSON, see docs/animation.md).</summary>
    public List<JsonObject> Triggers { get; set; } = [];

    /// <summary>
    /// The chat sources that run and the chat stages every message passes, in order:
    /// <c>{ "sources": [ { "id", "type", "settings" } ], "stages": ["name", …] }</c> (docs/plugins.md). Null when none.
    /// </summary>
    public JsonObject? Chat { get; set; }

    /// <summary>The show's sound: <c>{ "loudness": -16, "channels": [ { "id", "type", "settings", "gainDb", "duck", "voiceOf" } ] }</c> (docs/audio.md). Null: silence.</summary>
    public JsonObject? Audio { get; set; }
}
