using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Rendering;
using StreamEngine.Core.Scene;
using StreamEngine.Sdk;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>A chat layer on a compositor, driven frame by frame like the pipeline: chat hook, then compose.</summary>
internal sealed class ChatRun : IDisposable
{
    private readonly SceneGraph _scene = new(100);

    public ChatRun(int width, int height, string props)
    {
        _ = _scene.Enqueue(SceneCommand.AddLayer(Layer("chat", "chat", props)));
        _scene.ApplyPending();
        Compositor = new Compositor(new VideoFormat(width, height, 30), new GoldenImage.LayerTypes(), NullLoggerFactory.Instance, GoldenImage.AssetDirectory, resources: GoldenImage.Resources);
    }

    public Compositor Compositor { get; }

    public ChatFeed Chat => Compositor.Services.Chat;

    /// <summary>Runs one frame; true when the frame was drawn anew.</summary>
    public bool Frame(int index)
    {
        var time = new FrameTime(index, 30);
        Chat.OnFrame(time);
        return Compositor.Compose(_scene, time);
    }

    public void Dispose() => Compositor.Dispose();
}
