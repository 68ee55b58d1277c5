using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using StreamEngine.Core.Resources;
using StreamEngine.Sdk.Resources;
using StreamEngine.TestFixtures;
using static StreamEngine.Core.Tests.Resources.ResourceCacheTests;

namespace StreamEngine.Core.Tests.Resources;

/// <summary>Local assets come only from the show's folder and the asset roots, only as regular files, only up to a size.</summary>
public sealed class AssetConfinementTests : IDisposable
{
    private readonly TempDirectory _show = new("show");
    private readonly TempDirectory _elsewhere = new("elsewhere");
    private readonly ResourceCache _cache;

    public AssetConfinementTests()
    {
        _cache = new ResourceCache(new ResourceCacheOptions(Assets: new AssetRoots([_show.Root], maxFileBytes: 4096)), NullLogger.Instance);
        File.WriteAllBytes(_show.File("art.png"), PngBytes(8, 8, SKColors.Red));
        File.WriteAllBytes(_elsewhere.File("private.png"), PngBytes(8, 8, SKColors.Blue));
    }

    [Fact]
    public void A_file_in_the_show_folder_loads()
    {
        _cache.Image(_show.File("art.png"));
        Settle(_cache);
        Assert.Equal(ResourceStatus.Ready, _cache.Image(_show.File("art.png")).Status);
    }

    [Fact]
    public void An_absolute_path_elsewhere_and_a_dotdot_escape_are_refused_naming_the_path_and_the_setting()
    {
        var absolute = Fail(_cache, () => _cache.Image(_elsewhere.File("private.png")));
        Assert.Contains($"'{_elsewhere.File("private.png")}' is outside the show's folder and the asset roots", absolute);
        Assert.Contains("ASSET_ROOTS", absolute);
        var escape = Path.Combine(_show.Root, "..", Path.GetFileName(_elsewhere.Root), "private.png");
        Assert.Contains("is outside the show's folder", Fail(_cache, () => _cache.Image(escape)));
        Assert.Contains("is outside the show's folder", Fail(_cache, () => _cache.Typeface("/etc/passwd")));
    }

    [Fact]
    public void A_symlink_inside_the_show_folder_that_points_outside_is_refused_by_its_real_path()
    {
        File.CreateSymbolicLink(_show.File("link.png"), _elsewhere.File("private.png"));
        Directory.CreateSymbolicLink(_show.File("linked-folder"), _elsewhere.Root);
        Assert.Contains("is outside the show's folder", Fail(_cache, () => _cache.Image(_show.File("link.png"))));
        Assert.Contains("is outside the show's folder", Fail(_cache, () => _cache.Image(Path.Combine(_show.File("linked-folder"), "private.png"))));
        Assert.Contains("is outside the show's folder", Fail(_cache, () => _cache.Animation(_show.File("linked-folder"))));
    }

    [Fact]
    public async Task A_device_or_a_fifo_is_never_opened_even_inside_an_asset_root()
    {
        using var cache = new ResourceCache(new ResourceCacheOptions(Assets: new AssetRoots(["/dev", _show.Root])), NullLogger.Instance);
        Assert.Contains("'/dev/zero' is not a regular file", Fail(cache, () => cache.Image("/dev/zero")));
        var fifo = _show.File("pipe.png");
        Assert.Equal(0, (await ProcessRunner.RunAsync("mkfifo", [fifo])).ExitCode);
        // Opening a FIFO with no writer would block the loading thread for ever; the load fails at once instead.
        Assert.Contains("is not a regular file", Fail(cache, () => cache.Image(fifo)));
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_before_it_is_read()
    {
        File.WriteAllBytes(_show.File("big.png"), new byte[5000]);
        Assert.Contains("larger than the limit of", Fail(_cache, () => _cache.Image(_show.File("big.png"))));
    }

    [Fact]
    public void Without_asset_roots_no_local_file_is_read()
    {
        using var cache = new ResourceCache(new ResourceCacheOptions(), NullLogger.Instance);
        Assert.Contains("local files are not read here", Fail(cache, () => cache.Image(_show.File("art.png"))));
    }

    public void Dispose()
    {
        _cache.Dispose();
        _show.Dispose();
        _elsewhere.Dispose();
    }
}
