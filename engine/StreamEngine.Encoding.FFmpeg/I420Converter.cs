using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// Converts BGRA frames to planar YUV 4:2:0 (I420: the Y plane, then U, then V) with BT.601 limited-range
/// coefficients, the matrix ffmpeg's own conversion uses for the encoder's arguments, so the picture is the same
/// either way. Chroma is the rounded mean of each 2×2 block. The SIMD paths use the same integer arithmetic as the
/// scalar one and produce identical bytes. Width and height must be even.
/// </summary>
public static class I420Converter
{
    /// <summary>Bytes of one I420 frame of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static int FrameBytes(int width, int height) => width * height + 2 * (width / 2) * (height / 2);

    /// <summary>Converts with the widest vector unit the CPU has.</summary>
    public static void Convert(ReadOnlySpan<byte> bgra, Span<byte> i420, int width, int height) =>
        Convert(bgra, i420, width, height, Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0);

    /// <summary>Converts with vectors of <paramref name="vectorBits"/> (256, 128, or 0 for scalar only); for tests and the fallback.</summary>
    internal static void Convert(ReadOnlySpan<byte> bgra, Span<byte> i420, int width, int height, int vectorBits)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"width and height must be positive and even, got {width}x{height}");
        if (bgra.Length < width * height * 4 || i420.Length < FrameBytes(width, height))
            throw new ArgumentException($"buffers too small for a {width}x{height} frame");
        var pixels = MemoryMarshal.Cast<byte, uint>(bgra);
        int chromaWidth = width / 2, chromaPlane = chromaWidth * (height / 2);
        var yPlane = i420[..(width * height)];
        var uPlane = i420.Slice(width * height, chromaPlane);
        var vPlane = i420.Slice(width * height + chromaPlane, chromaPlane);
        for (var row = 0; row < height; row += 2)
        {
            var top = pixels.Slice(row * width, width);
            var bottom = pixels.Slice((row + 1) * width, width);
            var yTop = yPlane.Slice(row * width, width);
            var yBottom = yPlane.Slice((row + 1) * width, width);
            var u = uPlane.Slice(row / 2 * chromaWidth, chromaWidth);
            var v = vPlane.Slice(row / 2 * chromaWidth, chromaWidth);
            var done = vectorBits switch
            {
                256 => I420Vector256.Rows(top, bottom, yTop, yBottom, u, v),
                128 => I420Vector128.Rows(top, bottom, yTop, yBottom, u, v),
                _ => 0,
            };
            for (var x = done; x < width; x += 2)
            {
                yTop[x] = Luma(top[x]); yTop[x + 1] = Luma(top[x + 1]);
                yBottom[x] = Luma(bottom[x]); yBottom[x + 1] = Luma(bottom[x + 1]);
                // Blue and red summed in one word (bits 0-9 and 16-25), green in another: four pixels never overflow.
                uint rb = (top[x] & 0xFF00FF) + (top[x + 1] & 0xFF00FF) + (bottom[x] & 0xFF00FF) + (bottom[x + 1] & 0xFF00FF);
                uint g = ((top[x] >> 8) & 0xFF) + ((top[x + 1] >> 8) & 0xFF) + ((bottom[x] >> 8) & 0xFF) + ((bottom[x + 1] >> 8) & 0xFF);
                Chroma((int)((rb & 0x3FF) + 2) >> 2, (int)(g + 2) >> 2, (int)((rb >> 16) + 2) >> 2, out u[x / 2], out v[x / 2]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Luma(uint pixel)
    {
        uint b = pixel & 0xFF, g = (pixel >> 8) & 0xFF, r = (pixel >> 16) & 0xFF;
        return (byte)(((r * 66 + g * 129 + b * 25 + 128) >> 8) + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chroma(int b, int g, int r, out byte u, out byte v)
    {
        u = (byte)(((b * 112 - r * 38 - g * 74 + 128) >> 8) + 128);
        v = (byte)(((r * 112 - g * 94 - b * 18 + 128) >> 8) + 128);
    }
}
