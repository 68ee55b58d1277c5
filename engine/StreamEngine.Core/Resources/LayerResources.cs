using SkiaSharp;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Core.Resources;

/// <summary>
/// One layer's view of the shared cache: remembers what its last render asked for, so the layer is drawn again when a
/// load it waited for finishes or when something it showed was replaced by a newer version.
/// </summary>
internal sealed class LayerResources(ResourceCache cache) : IResourceCache
{
    private readonly List<string> _used = [];
    private long _renderedAtChange;
    private long? _waitingSince;

    /// <summary>True when the layer should render again although its props did not change.</summary>
    public bool Outdated =>
        _waitingSince is { } since && cache.Version != since
        || cache.Changes != _renderedAtChange && _used.Exists(source => cache.ChangedAt(source) > _renderedAtChange);

    public void BeginRender()
    {
        _waitingSince = null;
        _used.Clear();
        _renderedAtChange = cache.Changes;
    }

    public Resource<SKImage> Image(string source) => Note(source, cache.Image(source));

    public Resource<AnimatedImage> Animation(string source) => Note(source, cache.Animation(source));

    public Resource<SKTypeface> Typeface(string path) => Note(path, cache.Typeface(path));

    private Resource<T> Note<T>(string source, Resource<T> resource) where T : class
    {
        if (!_used.Contains(source)) _used.Add(source);
        if (resource.Status == ResourceStatus.Loading) _waitingSince ??= cache.Version;
        return resource;
    }
}
