using SkiaSharp;
using StreamEngine.TestFixtures;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The <c>feed</c> layer: artwork from files and from a real HTTP server on loopback, its metadata, loading and error states.</summary>
public sealed class FeedLayerTests : IDisposable
{
    private const string Metadata = """{ "title": "Sunset over Lisbon", "artist": "M. Duarte", "collection": "Atlantic Light", "price": "2.45 ETH" }""";
    private readonly HttpFileServer _http = new();

    private static string ArtworkPath => Path.Combine(GoldenImage.AssetDirectory, "artwork.png");

    [Fact]
    public void Artwork_letterboxed_on_its_card_with_the_metadata_panel() =>
        GoldenImage.Check("feed-artwork", 480, 270, Backdrop,
            Layer("feed", "feed", $$"""{ "src": "artwork.png", "metadata": {{Metadata}} }""", 60, 15, 360, 240));

    [Theory]
    [InlineData("feed-price-short", "3 ETH")]
    [InlineData("feed-price-long", "$1,234,567,890")]
    public void The_current_bid_label_stays_whole_for_a_short_or_a_very_long_price(string golden, string price) =>
        GoldenImage.Check(golden, 480, 270, Backdrop,
            Layer("feed", "feed", $$"""{ "src": "artwork.png", "metadata": { "title": "Sunset over Lisbon", "artist": "M. Duarte", "price": "{{price}}" } }""", 60, 15, 360, 240));

    [Fact]
    public void Artwork_covering_its_card_without_metadata() =>
        GoldenImage.Check("feed-cover", 320, 180, Backdrop,
            Layer("feed", "feed", """{ "src": "artwork.png", "fit": "cover", "radius": 24 }""", 40, 20, 240, 140));

    [Fact]
    public void A_file_that_is_not_an_image_shows_the_artwork_unavailable_card_not_an_engine_error() =>
        GoldenImage.Check("feed-unavailable", 480, 270, Backdrop,
            Layer("feed", "feed", $$"""{ "src": "scene.json", "metadata": {{Metadata}} }""", 60, 15, 360, 240));

    [Fact]
    public void While_a_remote_image_downloads_the_card_shows_the_loading_state()
    {
        _http.Put("slow.png", File.ReadAllBytes(ArtworkPath), "image/png", delay: TimeSpan.FromSeconds(3));
        using var frame = GoldenImage.Render(480, 270, [Backdrop, Layer("feed", "feed", $$"""{ "src": "{{_http.Url("slow.png")}}", "metadata": {{Metadata}} }""", 60, 15, 360, 240)],
            frame: 10, waitForResources: false);
        GoldenImage.Check("feed-loading", frame);
    }

    [Fact]
    public void A_remote_image_is_downloaded_and_shown()
    {
        _http.Put("art.png", File.ReadAllBytes(ArtworkPath), "image/png");
        using var remote = GoldenImage.Render(320, 180, [Layer("feed", "feed", $$"""{ "src": "{{_http.Url("art.png")}}", "radius": 0 }""")]);
        using var local = GoldenImage.Render(320, 180, [Layer("feed", "feed", """{ "src": "artwork.png", "radius": 0 }""")]);
        Assert.Equal(1, _http.Requests("art.png"));
        Assert.Equal(local.Bytes, remote.Bytes);
        Assert.NotEqual(local.GetPixel(160, 90), new SKColor(0x0d, 0x11, 0x1c)); // the artwork, not the empty matte
    }

    [Theory]
    [InlineData("bomb.png")]
    [InlineData("page.html")]
    [InlineData("missing.png")]
    public void A_decompression_bomb_a_web_page_or_a_404_from_a_server_shows_the_unavailable_card(string path)
    {
        _http.Put("bomb.png", PngBomb.Create(60_000, 60_000), "image/png");
        _http.Put("page.html", "<html><body>not an image</body></html>"u8.ToArray(), "text/html");
        using var remote = GoldenImage.Render(480, 270, [Backdrop, Layer("feed", "feed", $$"""{ "src": "{{_http.Url(path)}}", "metadata": {{Metadata}} }""", 60, 15, 360, 240)]);
        GoldenImage.Check("feed-unavailable", remote);
    }

    public void Dispose() => _http.Dispose();
}
