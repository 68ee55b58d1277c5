using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using StreamEngine.Sdk;

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
    internal static void Convert(ReadOnlySpan<byte> bgra, Span<byte> i420, int width, int height, int vectorBits) =>
        ConvertArea(bgra, i420, width, height, new PixelRect(0, 0, width, height), vectorBits);

    /// <summary>
    /// Converts only <paramref name="area"/> (widened to even edges, cut to the frame) into <paramref name="i420"/>,
    /// which holds the conversion of an earlier frame that differs from this one only there: the bytes come out as a
    /// whole conversion would make them, for a fraction of the work when a countdown or a chat line changed.
    /// </summary>
    public static void ConvertArea(ReadOnlySpan<byte> bgra, Span<byte> i420, int width, int height, PixelRect area) =>
        ConvertArea(bgra, i420, width, height, area, Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0);

    internal static void ConvertArea(ReadOnlySpan<byte> bgra, Span<byte> i420, int width, int height, PixelRect area, int vectorBits)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"width and height must be positive and even, got {width}x{height}");
        if (bgra.Length < width * height * 4 || i420.Length < FrameBytes(width, height))
            throw new ArgumentException($"buffers too small for a {width}x{height} frame");
        // 2×2 blocks share their chroma: a block the area touches is converted whole.
        int left = Math.Clamp(area.X, 0, width) & ~1, top = Math.Clamp(area.Y, 0, height) & ~1;
        int right = (Math.Clamp(area.X + area.Width, 0, width) + 1) & ~1, bottom = (Math.Clamp(area.Y + area.Height, 0, height) + 1) & ~1;
        if (right <= left || bottom <= top) return;
        var pixels = MemoryMarshal.Cast<byte, uint>(bgra);
        int chromaWidth = width / 2, chromaPlane = chromaWidth * (height / 2), span = right - left;
        var yPlane = i420[..(width * height)];
        var uPlane = i420.Slice(width * height, chromaPlane);
        var vPlane = i420.Slice(width * height + chromaPlane, chromaPlane);
        for (var row = top; row < bottom; row += 2)
        {
            var top0 = pixels.Slice(row * width + left, span);
            var bottom0 = pixels.Slice((row + 1) * width + left, span);
            var yTop = yPlane.Slice(row * width + left, span);
            var yBottom = yPlane.Slice((row + 1) * width + left, span);
            var u = uPlane.Slice(row / 2 * chromaWidth + left / 2, span / 2);
            var v = vPlane.Slice(row / 2 * chromaWidth + left / 2, span / 2);
            var done = vectorBits switch
            {
                256 => I420Vector256.Rows(top0, bottom0, yTop, yBottom, u, v),
                128 => I420Vector128.Rows(top0, bottom0, yTop, yBottom, u, v),
                _ => 0,
            };
            for (var x = done; x < span; x += 2)
            {
                yTop[x] = Luma(top0[x]); yTop[x + 1] = Luma(top0[x + 1]);
                yBottom[x] = Luma(bottom0[x]); yBottom[x + 1] = Luma(bottom0[x + 1]);
                // Blue and red summed in one word (bits 0-9 and 16-25), green in another: four pixels never overflow.
                uint rb = (top0[x] & 0xFF00FF) + (top0[x + 1] & 0xFF00FF) + (bottom0[x] & 0xFF00FF) + (bottom0[x + 1] & 0xFF00FF);
                uint g = ((top0[x] >> 8) & 0xFF) + ((top0[x + 1] >> 8) & 0xFF) + ((bottom0[x] >> 8) & 0xFF) + ((bottom0[x + 1] >> 8) & 0xFF);
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
