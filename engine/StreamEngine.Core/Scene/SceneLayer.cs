using System.Text.Json.Nodes;
using StreamEngine.Sdk;

namespace StreamEngine.Core.Scene;

/// <summary>A layer in the scene graph, with a version that changes when its content must be re-rendered.</summary>
public sealed class SceneLayer
{
    internal SceneLayer(LayerState state, long sequence)
    {
        State = state;
        Sequence = sequence;
    }

    public LayerState State { get; private set; }

    /// <summary>Changes when the type, props or box size change — what the cached raster depends on.</summary>
    public long ContentVersion { get; private set; }

    internal long Sequence { get; }

    internal void ContentChanged() => ContentVersion++;

    internal void Update(LayerState next)
    {
        if (ContentDiffers(State, next)) ContentVersion++;
        State = next;
    }

    private static bool ContentDiffers(LayerState a, LayerState b) =>
        a.Type != b.Type
        || a.Transform.Width != b.Transform.Width
        || a.Transform.Height != b.Transform.Height
        || !JsonNode.DeepEquals(a.Props, b.Props);
}
