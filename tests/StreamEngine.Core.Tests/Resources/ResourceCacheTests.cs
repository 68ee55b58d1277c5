using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk.Resources;
using StreamEngine.TestFixtures;

namespace StreamEngine.Core.Tests.Resources;

/// <summary>The shared resource cache against real files and a real HTTP server on loopback.</summary>
public sealed class ResourceCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HttpFileServer _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T12:00:00Z"));

    private static string Gif => Path.Combine(RepoPaths.Root, "tests", "fixtures", "media", "traffic.gif");

    [Fact]
    public void A_file_image_loads_off_the_frame_thread_and_is_then_served_from_memory()
    {
        using var cache = Cache();
        var path = WritePng("art.png", 40, 20, SKColors.Orange);
        Assert.Equal(ResourceStatus.Loading, cache.Image(path).Status);
        var image = Load(cache, () => cache.Image(path));
        Assert.Equal((40, 20), (image.Width, image.Height));
        Assert.Equal(SKColors.Orange, Pixel(image, 5, 5));
        Assert.Same(image, cache.Image(path).Value);
        Assert.Equal(40 * 20 * 4, cache.Bytes);
    }

    [Fact]
    public void A_missing_file_or_a_file_that_is_not_an_image_fails_with_its_name()
    {
        using var cache = Cache();
        var missing = Path.Combine(_dir.Root, "nope.png");
        Assert.Contains("nope.png' does not exist", Fail(cache, () => cache.Image(missing)));
        var text = Path.Combine(_dir.Root, "notes.png");
        File.WriteAllText(text, "not a picture");
        Assert.Contains("notes.png' is not an image", Fail(cache, () => cache.Image(text)));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_decoding()
    {
        using var cache = Cache(new ResourceCacheOptions(MaxPixels: 1000));
        var path = WritePng("big.png", 100, 100, SKColors.Red);
        Assert.Contains("100x100, more than the limit of 1,000 pixels", Fail(cache, () => cache.Image(path)));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void An_image_is_downloaded_over_http_and_fetched_again_after_its_ttl_keeping_the_old_one_until_the_new_is_in()
    {
        using var cache = Cache();
        _http.Put("art.png", PngBytes(16, 16, SKColors.Red), "image/png");
        var url = _http.Url("art.png");
        Assert.Equal(SKColors.Red, Pixel(Load(cache, () => cache.Image(url)), 1, 1));
        Assert.Equal(1, _http.Requests("art.png"));

        _http.Put("art.png", PngBytes(16, 16, SKColors.Blue), "image/png");
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(SKColors.Red, Pixel(cache.Image(url).Value!, 1, 1));
        Assert.Equal(1, _http.Requests("art.png"));

        _time.Advance(TimeSpan.FromMinutes(2));
        var during = cache.Image(url);
        Assert.Equal(ResourceStatus.Ready, during.Status);
        Assert.Equal(SKColors.Red, Pixel(during.Value!, 1, 1));
        Settle(cache);
        Assert.Equal(SKColors.Blue, Pixel(cache.Image(url).Value!, 1, 1));
        Assert.Equal(2, _http.Requests("art.png"));
    }

    [Fact]
    public void A_url_past_its_ttl_is_fetched_again_without_being_asked_for_and_counted_as_changed()
    {
        using var cache = Cache();
        _http.Put("art.png", PngBytes(16, 16, SKColors.Red), "image/png");
        var url = _http.Url("art.png");
        Load(cache, () => cache.Image(url));
        _http.Put("art.png", PngBytes(16, 16, SKColors.Blue), "image/png");

        _time.Advance(TimeSpan.FromMinutes(6));
        cache.BeginFrame(); // a frame in which nothing asks for it: a static layer does not
        Settle(cache);
        Assert.Equal(2, _http.Requests("art.png"));
        Assert.True(cache.ChangedAt(url) > 0, "the new version should count as a change, so the layers showing it draw again");
        Assert.Equal(SKColors.Blue, Pixel(cache.Image(url).Value!, 1, 1));
    }

    [Fact]
    public async Task A_file_saved_again_replaces_the_loaded_version()
    {
        using var cache = Cache();
        var path = WritePng("art.png", 8, 8, SKColors.Red);
        Load(cache, () => cache.Image(path));

        WritePng("art.png", 8, 8, SKColors.Blue);
        for (var attempt = 0; attempt < 100 && cache.ChangedAt(path) == 0; attempt++)
        {
            await Task.Delay(50); // the file system's change notice comes on its own thread
            Settle(cache);
        }
        Assert.True(cache.ChangedAt(path) > 0, "saving the file again should load the new version");
        Assert.Equal(SKColors.Blue, Pixel(cache.Image(path).Value!, 1, 1));
    }

    [Fact]
    public void Downloads_are_limited_in_size_and_time_and_to_http()
    {
        using var cache = Cache(new ResourceCacheOptions(MaxDownloadBytes: 1000, DownloadTimeout: TimeSpan.FromMilliseconds(300)));
        _http.Put("huge.png", new byte[5000], "image/png");
        _http.Put("slow.png", PngBytes(4, 4, SKColors.Red), "image/png", delay: TimeSpan.FromSeconds(5));
        _http.Put("gone.png", [], status: 404);
        Assert.Contains("larger than the download limit", Fail(cache, () => cache.Image(_http.Url("huge.png"))));
        Assert.Contains("no complete answer within 0.3 s", Fail(cache, () => cache.Image(_http.Url("slow.png"))));
        Assert.Contains("the server answered 404", Fail(cache, () => cache.Image(_http.Url("gone.png"))));
        Assert.Contains("only http and https", Fail(cache, () => cache.Image("ftp://127.0.0.1/a.png")));
        Assert.Contains("only http and https", Fail(cache, () => cache.Image("file:///etc/passwd")));
    }

    [Fact]
    public void A_failed_load_is_tried_again_after_the_retry_delay_so_a_fixed_file_recovers()
    {
        using var cache = Cache();
        var path = Path.Combine(_dir.Root, "later.png");
        Fail(cache, () => cache.Image(path));
        WritePng("later.png", 8, 8, SKColors.Green);
        Assert.Equal(ResourceStatus.Failed, cache.Image(path).Status);
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ResourceStatus.Failed, cache.Image(path).Status); // the error shows until the retry has succeeded
        Settle(cache);
        Assert.Equal(SKColors.Green, Pixel(cache.Image(path).Value!, 1, 1));
    }

    [Fact]
    public void A_gif_decodes_every_frame_with_its_own_timing()
    {
        using var cache = Cache();
        var gif = Load(cache, () => cache.Animation(Gif));
        Assert.Equal(3, gif.Frames.Count);
        Assert.Equal([100, 300, 200], gif.Durations.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal([SKColors.Red, SKColors.Lime, SKColors.Blue], gif.Frames.Select(f => Pixel(f, 16, 16)));
        Assert.Equal(1, gif.FrameAt(TimeSpan.FromMilliseconds(150), Playback.Loop));
        Assert.Equal(0, gif.FrameAt(TimeSpan.FromMilliseconds(650), Playback.Loop));
        Assert.Equal(2, gif.FrameAt(TimeSpan.FromMilliseconds(650), Playback.Once));
        Assert.Equal(2, gif.FrameAt(TimeSpan.FromMilliseconds(650), Playback.PingPong));
        Assert.Equal(1, gif.FrameAt(TimeSpan.FromMilliseconds(900), Playback.PingPong));
        Assert.Equal(0, gif.FrameAt(TimeSpan.FromMilliseconds(1150), Playback.PingPong));
    }

    [Fact]
    public void A_folder_becomes_an_animation_of_its_images_in_name_order()
    {
        using var cache = Cache();
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Root, "frames")).FullName;
        WritePng("frames/002.png", 8, 8, SKColors.Green);
        WritePng("frames/001.png", 8, 8, SKColors.Red);
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "ignored");
        var animation = Load(cache, () => cache.Animation(folder));
        Assert.Equal([SKColors.Red, SKColors.Green], animation.Frames.Select(f => Pixel(f, 1, 1)));
        Assert.All(animation.Durations, d => Assert.Equal(AnimatedImage.DefaultFrameDuration, d));
    }

    [Fact]
    public void Beyond_its_budget_the_cache_evicts_what_was_used_least_recently_but_never_what_this_frame_uses()
    {
        using var cache = Cache(new ResourceCacheOptions(MaxBytes: 2 * 100 * 100 * 4));
        var (a, b, c) = (WritePng("a.png", 100, 100, SKColors.Red), WritePng("b.png", 100, 100, SKColors.Green), WritePng("c.png", 100, 100, SKColors.Blue));
        Load(cache, () => cache.Image(a));
        Load(cache, () => cache.Image(b));
        cache.BeginFrame();
        cache.Image(b);
        Load(cache, () => cache.Image(c));
        cache.BeginFrame();
        Assert.Equal(2 * 100 * 100 * 4, cache.Bytes);
        Assert.Equal(ResourceStatus.Ready, cache.Image(b).Status);
        Assert.Equal(ResourceStatus.Ready, cache.Image(c).Status);
        Assert.Equal(ResourceStatus.Loading, cache.Image(a).Status);
    }

    /// <summary>A cache that reads the test's folder and the fixture media, and may reach the test server on loopback.</summary>
    private ResourceCache Cache(ResourceCacheOptions? options = null) => new((options ?? new ResourceCacheOptions()) with
    {
        Assets = new AssetRoots([_dir.Root, Path.GetDirectoryName(Gif)!]),
        Remote = new RemoteAccess(["127.0.0.1"]),
    }, NullLogger.Instance, _time);

    private static T Load<T>(ResourceCache cache, Func<Resource<T>> get) where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var resource = get();
            if (resource.Status == ResourceStatus.Ready) return resource.Value!;
            Assert.NotEqual(ResourceStatus.Failed, resource.Status);
            Settle(cache);
        }
        throw new TimeoutException("the resource never loaded");
    }

    internal static string Fail<T>(ResourceCache cache, Func<Resource<T>> get) where T : class
    {
        get();
        Settle(cache);
        var resource = get();
        Assert.Equal(ResourceStatus.Failed, resource.Status);
        return resource.Error!;
    }

    /// <summary>Waits for the loads in flight and takes them in, as the next frame would.</summary>
    internal static void Settle(ResourceCache cache)
    {
        cache.WhenLoadedAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
        cache.BeginFrame();
    }

    private string WritePng(string name, int width, int height, SKColor color)
    {
        var path = Path.Combine(_dir.Root, name);
        File.WriteAllBytes(path, PngBytes(width, height, color));
        return path;
    }

    internal static byte[] PngBytes(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKColor Pixel(SKImage image, int x, int y)
    {
        using var bitmap = SKBitmap.FromImage(image);
        return bitmap.GetPixel(x, y);
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }
}
