using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>A compositor kept across frames, so a prop change reaches the renderer the way it does in a running show.</summary>
internal sealed class CharacterRun : IDisposable
{
    public CharacterRun(params LayerState[] layers) : this(new GoldenImage.LayerTypes(), layers) { }

    public CharacterRun(ILayerTypeCatalog types, params LayerState[] layers)
    {
        foreach (var layer in layers) _ = Scene.Enqueue(SceneCommand.AddLayer(layer));
        Scene.ApplyPending();
        Compositor = new Compositor(new VideoFormat(CharacterGoldenTests.Width, CharacterGoldenTests.Height, 30), types, NullLoggerFactory.Instance, GoldenImage.AssetDirectory, resources: GoldenImage.Resources);
    }

    public SceneGraph Scene { get; } = new(100);

    public Compositor Compositor { get; }

    public void ComposeAt(long frame)
    {
        GoldenImage.ComposeLoaded(Compositor, Scene, new FrameTime(frame, 30));
        Assert.Empty(Compositor.Errors);
    }

    /// <summary>Composes a frame once what it loads has loaded or failed, and returns the layer's error.</summary>
    public string ErrorAt(long frame)
    {
        GoldenImage.ComposeLoaded(Compositor, Scene, new FrameTime(frame, 30));
        return Assert.Single(Compositor.Errors).Error;
    }

    /// <summary>Sets a prop (a JSON object, null, or else a string) and composes the frame at which it changes.</summary>
    public void Change(string layerId, string prop, string json, long frame)
    {
        var value = json is "null" || json.StartsWith('{') ? JsonNode.Parse(json) : JsonValue.Create(json);
        _ = Scene.Enqueue(SceneCommand.UpdateLayer(layerId, layer => layer.Props[prop] = value));
        Scene.ApplyPending();
        ComposeAt(frame);
    }

    public void Dispose() => Compositor.Dispose();
}
