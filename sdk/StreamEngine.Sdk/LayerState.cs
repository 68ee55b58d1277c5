using System.Text.Json.Nodes;

namespace StreamEngine.Sdk;

/// <summary>
/// A layer as data: the JSON shape used by scene files, the API and the state store.
/// Type-specific properties stay JSON so the engine never serializes a plugin's own types.
/// </summary>
public sealed class LayerState
{
    /// <summary>Unique id of the layer within the scene.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name of the layer type, as registered by a plugin (for example <c>overlay.text</c>).</summary>
    public string Type { get; set; } = "";

    /// <summary>Drawing order: higher values are drawn on top.</summary>
    public int ZIndex { get; set; }

    /// <summary>Whether the layer is drawn.</summary>
    public bool Visible { get; set; } = true;

    /// <summary>Placement of the layer in the frame.</summary>
    public LayerTransform Transform { get; set; } = new();

    /// <summary>Type-specific properties, read by the layer type's renderer.</summary>
    public JsonObject Props { get; set; } = new();

    /// <summary>Returns a deep copy.</summary>
    public LayerState Clone() => new()
    {
        Id = Id, Type = Type, ZIndex = ZIndex, Visible = Visible,
        Transform = Transform.Clone(), Props = (JsonObject)Props.DeepClone(),
    };
}
