using StreamEngine.Sdk;
using System.Diagnostics;
using Xunit.Abstractions;

namespace StreamEngine.Encoding.FFmpeg.Tests;

public sealed class I420ConverterTests(ITestOutputHelper output)
{
    private const int Width = 640, Height = 360;

    [Fact]
    public void Scalar_128_bit_and_256_bit_paths_give_identical_bytes()
    {
        // 104 wide: three 32-pixel steps plus an 8-pixel tail, so the scalar tail runs after each vector path too.
        const int width = 104, height = 6;
        var bgra = new byte[width * height * 4];
        new Random(19).NextBytes(bgra);
        var expected = new byte[I420Converter.FrameBytes(width, height)];
        I420Converter.Convert(bgra, expected, width, height, vectorBits: 0);
        foreach (var bits in new[] { 128, 256 })
        {
            var actual = new byte[expected.Length];
            I420Converter.Convert(bgra, actual, width, height, bits);
            Assert.Equal(expected, actual);
        }
        Assert.Contains(expected[..(width * height)], y => y is >= 16 and <= 235);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void Converting_only_the_changed_rectangles_gives_the_bytes_of_a_whole_conversion(int vectorBits)
    {
        // Odd edges (chroma blocks shared with unchanged pixels) and a rectangle partly outside the frame.
        const int width = 104, height = 40;
        var random = new Random(7);
        var before = new byte[width * height * 4];
        random.NextBytes(before);
        var after = (byte[])before.Clone();
        var changed = new[] { new PixelRect(3, 5, 41, 9), new PixelRect(70, 21, 50, 30), new PixelRect(0, 0, 1, 1) };
        foreach (var rect in changed)
            for (var row = rect.Y; row < Math.Min(height, rect.Y + rect.Height); row++)
                random.NextBytes(after.AsSpan((row * width + rect.X) * 4, (Math.Min(width, rect.X + rect.Width) - rect.X) * 4));

        var updated = new byte[I420Converter.FrameBytes(width, height)];
        I420Converter.Convert(before, updated, width, height, vectorBits);
        foreach (var rect in changed) I420Converter.ConvertArea(after, updated, width, height, rect, vectorBits);
        var whole = new byte[updated.Length];
        I420Converter.Convert(after, whole, width, height, vectorBits);
        var stale = new byte[updated.Length];
        I420Converter.Convert(before, stale, width, height, vectorBits);

        Assert.False(stale.AsSpan().SequenceEqual(whole), "the change must show in the converted frame");
        Assert.Equal(whole, updated);
    }

    [Theory]
    [InlineData("gradient")]
    [InlineData("text")]
    [InlineData("bars")]
    public async Task Matches_ffmpegs_own_conversion_of_the_same_frame_above_50_dB_per_plane(string pattern)
    {
        var bgra = Frame(pattern);
        var ours = new byte[I420Converter.FrameBytes(Width, Height)];
        I420Converter.Convert(bgra, ours, Width, Height);
        var theirs = await FFmpegConvertAsync(bgra);

        var (y, c) = (Width * Height, Width / 2 * (Height / 2));
        var psnr = new[] { Psnr(ours.AsSpan(0, y), theirs.AsSpan(0, y)), Psnr(ours.AsSpan(y, c), theirs.AsSpan(y, c)),
            Psnr(ours.AsSpan(y + c, c), theirs.AsSpan(y + c, c)) };
        output.WriteLine($"{pattern}: Y {psnr[0]:0.00} dB, U {psnr[1]:0.00} dB, V {psnr[2]:0.00} dB");
        Assert.All(psnr, p => Assert.True(p >= 50, $"{pattern}: PSNR Y/U/V {string.Join(" / ", psnr.Select(x => x.ToString("0.00")))} dB, expected ≥ 50 each"));
    }

    /// <summary>What the encoder's ffmpeg does with BGRA input and <c>-pix_fmt yuv420p</c> (its default scaler), as raw I420.</summary>
    private static async Task<byte[]> FFmpegConvertAsync(byte[] bgra)
    {
        var start = new ProcessStartInfo("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "bgra",
            "-s", $"{Width}x{Height}", "-i", "pipe:0", "-f", "rawvideo", "-pix_fmt", "yuv420p", "pipe:1"])
        { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var ffmpeg = Process.Start(start)!;
        var reading = Task.Run(async () =>
        {
            using var all = new MemoryStream();
            await ffmpeg.StandardOutput.BaseStream.CopyToAsync(all);
            return all.ToArray();
        });
        await ffmpeg.StandardInput.BaseStream.WriteAsync(bgra);
        ffmpeg.StandardInput.Close();
        var result = await reading;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        Assert.Equal(I420Converter.FrameBytes(Width, Height), result.Length);
        return result;
    }

    private static double Psnr(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        var mse = sum / a.Length;
        return mse == 0 ? 99 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>Opaque BGRA test frames: a colour gradient, dark text-like strokes on light, or SMPTE-style colour bars.</summary>
    private static byte[] Frame(string pattern)
    {
        var bgra = new byte[Width * Height * 4];
        byte[][] bars = [[235, 235, 235], [16, 235, 235], [235, 235, 16], [16, 235, 16], [235, 16, 235], [16, 16, 235], [235, 16, 16], [16, 16, 16]];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var p = (y * Width + x) * 4;
                (byte b, byte g, byte r) = pattern switch
                {
                    "gradient" => ((byte)(x * 255 / Width), (byte)(y * 255 / Height), (byte)((x + y) * 255 / (Width + Height))),
                    // One-pixel and three-pixel strokes at odd offsets, like glyph stems and serifs.
                    "text" => (x % 11 == 3 || (x % 23 is >= 5 and < 8) || y % 17 == 9) && (x / 40 + y / 24) % 2 == 0
                        ? ((byte)20, (byte)30, (byte)40) : ((byte)240, (byte)245, (byte)250),
                    _ => (bars[x * 8 / Width][2], bars[x * 8 / Width][1], bars[x * 8 / Width][0]),
                };
                (bgra[p], bgra[p + 1], bgra[p + 2], bgra[p + 3]) = (b, g, r, 255);
            }
        return bgra;
    }
}
