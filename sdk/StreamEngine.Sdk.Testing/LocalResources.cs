using SkiaSharp;
using StreamEngine.Sdk.Resources;

namespace StreamEngine.Sdk.Testing;

/// <summary>
/// Images, animations and fonts for a layer under test, read from local files at once (the engine's cache loads them
/// in the background; a test wants the frame with them). Relative paths are under the asset folder; URLs fail with the
/// reason, so a test never reaches the network.
/// </summary>
public sealed class LocalResources(string assetDirectory) : IResourceCache, IDisposable
{
    private readonly Dictionary<string, object> _loaded = [];

    /// <inheritdoc />
    public Resource<SKImage> Image(string source) => Load(source, path => SKImage.FromEncodedData(path));

    /// <inheritdoc />
    public Resource<AnimatedImage> Animation(string source) => Load(source, path =>
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{source}: not an image");
        var frames = new List<SKImage>();
        var durations = new List<TimeSpan>();
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        for (var i = 0; i < Math.Max(1, codec.FrameCount); i++)
        {
            using var bitmap = new SKBitmap(info);
            codec.GetPixels(info, bitmap.GetPixels(), new SKCodecOptions(i));
            frames.Add(SKImage.FromBitmap(bitmap));
            durations.Add(TimeSpan.FromMilliseconds(codec.FrameCount > 0 ? codec.FrameInfo[i].Duration : 0));
        }
        return new AnimatedImage(frames, durations);
    });

    /// <inheritdoc />
    public Resource<SKTypeface> Typeface(string path) => Load(path, file => SKTypeface.FromFile(file));

    private Resource<T> Load<T>(string source, Func<string, T?> read) where T : class
    {
        if (source.Contains("://", StringComparison.Ordinal)) return Resource<T>.Failed($"{source}: the test harness reads local files only");
        var path = Path.GetFullPath(Path.Combine(assetDirectory, source));
        if (_loaded.TryGetValue(path, out var cached) && cached is T value) return Resource<T>.Ready(value);
        if (!File.Exists(path)) return Resource<T>.Failed($"{source}: no such file ({path})");
        try
        {
            var loaded = read(path);
            if (loaded is null) return Resource<T>.Failed($"{source}: not a format this can read");
            _loaded[path] = loaded;
            return Resource<T>.Ready(loaded);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            return Resource<T>.Failed($"{source}: {e.Message}");
        }
    }

    /// <summary>Releases what was loaded.</summary>
    public void Dispose()
    {
        foreach (var value in _loaded.Values) (value as IDisposable)?.Dispose();
        _loaded.Clear();
    }
}
