using SkiaSharp;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Core.Resources;

/// <summary>One layer's view of the shared cache: remembers whether its last render waited for a load.</summary>
internal sealed class LayerResources(ResourceCache cache) : IResourceCache
{
    /// <summary>The cache version at which the layer's last render asked for something still loading, or null.</summary>
    public long? WaitingSince { get; private set; }

    /// <summary>True when a load the layer waited for has finished since: it should render again.</summary>
    public bool LoadFinished => WaitingSince is { } since && cache.Version != since;

    public void BeginRender() => WaitingSince = null;

    public Resource<SKImage> Image(string source) => Note(cache.Image(source));

    public Resource<AnimatedImage> Animation(string source) => Note(cache.Animation(source));

    public Resource<SKTypeface> Typeface(string path) => Note(cache.Typeface(path));

    private Resource<T> Note<T>(Resource<T> resource) where T : class
    {
        if (resource.Status == ResourceStatus.Loading) WaitingSince ??= cache.Version;
        return resource;
    }
}
