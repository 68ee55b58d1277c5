using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>Layers for tests, written the way a scene file writes them.</summary>
internal static class TestLayers
{
    public static LayerState Layer(string id, string type, string props, double x = 0, double y = 0, double w = 0, double h = 0) => new()
    {
        Id = id, Type = type, Transform = new LayerTransform { X = x, Y = y, Width = w, Height = h },
        Props = JsonNode.Parse(props)!.AsObject(),
    };

    /// <summary>A dark navy full-frame background.</summary>
    public static LayerState Backdrop => Layer("bg", "background", """{ "color": "#1a1a2e" }""");
}
