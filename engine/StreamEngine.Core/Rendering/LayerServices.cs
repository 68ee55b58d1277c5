using Microsoft.Extensions.Logging.Abstractions;
using StreamEngine.Core.Chat;
using StreamEngine.Core.Resources;

namespace StreamEngine.Core.Rendering;

/// <summary>What the engine shares with every layer renderer: the resource cache and the chat feed.</summary>
public sealed record LayerServices(ResourceCache Resources, ChatFeed Chat) : IDisposable
{
    /// <summary>Default limits, local files from <paramref name="options"/>' asset roots only, and an empty feed, for tools and tests.</summary>
    public static LayerServices CreateDefault(ResourceCacheOptions options) => new(new ResourceCache(options, NullLogger.Instance), new ChatFeed());

    public void Dispose() => Resources.Dispose();
}
