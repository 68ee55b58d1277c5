using System.Runtime.InteropServices;
using SkiaSharp;

namespace StreamEngine.Core.Rendering;

/// <summary>
/// Where a layer's new raster differs from the one before it. A talking character's next sprite frame differs in its
/// mouth, a ticking text in a few digits: comparing the two rasters (a memory compare, far cheaper than composing,
/// copying and converting the layer's whole box again) lets the frame redo only that part.
/// </summary>
internal static class RasterChange
{
    /// <summary>
    /// The bounding box, in raster pixels, of the pixels that differ (empty when none do), or null when the two cannot
    /// be compared (other sizes, or not in memory): then all of it changed.
    /// </summary>
    public static SKRectI? Between(SKImage before, SKImage after)
    {
        if (before.Width != after.Width || before.Height != after.Height) return null;
        using var a = before.PeekPixels();
        using var b = after.PeekPixels();
        if (a is null || b is null || a.ColorType != b.ColorType || a.BytesPerPixel != 4 || b.BytesPerPixel != 4) return null;
        var (width, height) = (before.Width, before.Height);
        ReadOnlySpan<byte> rowsA = a.GetPixelSpan(), rowsB = b.GetPixelSpan();
        int top = -1, bottom = -1, left = width, right = 0;
        for (var y = 0; y < height; y++)
        {
            var rowA = MemoryMarshal.Cast<byte, uint>(rowsA.Slice(y * a.RowBytes, width * 4));
            var rowB = MemoryMarshal.Cast<byte, uint>(rowsB.Slice(y * b.RowBytes, width * 4));
            var first = rowA.CommonPrefixLength(rowB);
            if (first == width) continue;
            if (top < 0) top = y;
            bottom = y + 1;
            left = Math.Min(left, first);
            if (right < width) right = Math.Max(right, LastDifference(rowA, rowB, first) + 1);
        }
        return top < 0 ? SKRectI.Empty : new SKRectI(left, top, right, bottom);
    }

    /// <summary>The last index at which the rows differ, given that they differ at <paramref name="first"/>.</summary>
    private static int LastDifference(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, int first)
    {
        const int Block = 32;
        for (var end = a.Length; end > first; end -= Block)
        {
            var start = Math.Max(first, end - Block);
            if (a[start..end].SequenceEqual(b[start..end])) continue;
            for (var x = end - 1; x >= start; x--)
                if (a[x] != b[x]) return x;
        }
        return first;
    }
}
