using SkiaSharp;
using StreamEngine.TestFixtures;
using static StreamEngine.Plugins.Layers.Tests.TestLayers;

namespace StreamEngine.Plugins.Layers.Tests;

/// <summary>The <c>animation</c> layer: which frame shows at which time, for GIFs, folders and sprite sheets.</summary>
public sealed class AnimationLayerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static string Gif => Path.Combine(RepoPaths.Root, "tests", "fixtures", "media", "traffic.gif").Replace("\\", "/");

    [Theory]
    [InlineData(0, "loop", 255, 0, 0)]      // 0 ms: red (100 ms)
    [InlineData(6, "loop", 0, 255, 0)]      // 200 ms: green (100-400 ms)
    [InlineData(15, "loop", 0, 0, 255)]     // 500 ms: blue (400-600 ms)
    [InlineData(20, "loop", 255, 0, 0)]     // 667 ms: red again
    [InlineData(20, "once", 0, 0, 255)]     // 667 ms: stays on the last frame
    [InlineData(20, "pingpong", 0, 0, 255)] // 667 ms: the second pass runs backwards from blue
    [InlineData(27, "pingpong", 0, 255, 0)] // 900 ms: backwards, at green
    [InlineData(35, "pingpong", 255, 0, 0)] // 1167 ms: backwards, ending on red
    public void A_gif_shows_the_frame_its_own_timing_gives(long frame, string playback, byte r, byte g, byte b)
    {
        using var bitmap = GoldenImage.Render(32, 32, [Layer("gif", "animation", $$"""{ "src": "{{Gif}}", "playback": "{{playback}}", "start": 0 }""")], frame);
        Assert.Equal(new SKColor(r, g, b), bitmap.GetPixel(16, 16));
    }

    [Fact]
    public void A_sprite_sheet_is_read_left_to_right_top_to_bottom_at_its_fps()
    {
        var sheet = Sheet([SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow]);
        var layer = Layer("sheet", "animation", $$"""{ "sheet": "{{sheet}}", "rows": 2, "cols": 2, "frames": 3, "fps": 10, "start": 0 }""");
        Assert.Equal(SKColors.Red, Pixel(layer, frame: 0));
        Assert.Equal(SKColors.Lime, Pixel(layer, frame: 3));
        Assert.Equal(SKColors.Blue, Pixel(layer, frame: 6));
        Assert.Equal(SKColors.Red, Pixel(layer, frame: 9)); // 3 frames only: the yellow cell is never shown
    }

    [Fact]
    public void A_folder_plays_its_images_in_name_order_at_the_given_fps()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Root, "frames")).FullName;
        Png(Path.Combine(folder, "b.png"), SKColors.Lime);
        Png(Path.Combine(folder, "a.png"), SKColors.Red);
        var layer = Layer("frames", "animation", $$"""{ "folder": "{{folder}}", "fps": 5, "start": 0 }""");
        Assert.Equal(SKColors.Red, Pixel(layer, frame: 5));
        Assert.Equal(SKColors.Lime, Pixel(layer, frame: 7));
    }

    [Fact]
    public void Sprite_sheet_golden()
    {
        var sheet = Sheet([new SKColor(0xe9, 0x45, 0x60), new SKColor(0xf2, 0xa5, 0x41), new SKColor(0x2e, 0xc4, 0xb6), new SKColor(0x06, 0x26, 0x4a)]);
        GoldenImage.CheckAt("animation-sheet", 160, 90, 3, null, Backdrop,
            Layer("sheet", "animation", $$"""{ "sheet": "{{sheet}}", "rows": 2, "cols": 2, "fps": 10, "fit": "contain", "start": 0 }""", 20, 10, 120, 70));
    }

    private static SKColor Pixel(StreamEngine.Sdk.LayerState layer, long frame)
    {
        using var bitmap = GoldenImage.Render(32, 32, [layer], frame);
        return bitmap.GetPixel(16, 16);
    }

    /// <summary>A 2x2 sprite sheet of 16 px cells in the given colors, each cell with a white dot in its corner.</summary>
    private string Sheet(SKColor[] cells)
    {
        using var bitmap = new SKBitmap(32, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                using var paint = new SKPaint { Color = cells[i] };
                canvas.DrawRect(SKRect.Create(i % 2 * 16, i / 2 * 16, 16, 16), paint);
                using var dot = new SKPaint { Color = SKColors.White };
                canvas.DrawRect(SKRect.Create(i % 2 * 16 + 2, i / 2 * 16 + 2, 3, 3), dot);
            }
        }
        var path = Path.Combine(_dir.Root, $"sheet-{cells[0]}.png");
        File.WriteAllBytes(path, bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        return path;
    }

    private static void Png(string path, SKColor color)
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(color);
        File.WriteAllBytes(path, bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
    }

    public void Dispose() => _dir.Dispose();
}
