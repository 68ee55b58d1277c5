using SkiaSharp;

namespace StreamEngine.Core.Tests;

/// <summary>Reads pixels of a composed BGRA frame.</summary>
internal static class Frame
{
    public static SKColor Pixel(ReadOnlySpan<byte> bgra, int width, int x, int y)
    {
        var i = (y * width + x) * 4;
        return new SKColor(bgra[i + 2], bgra[i + 1], bgra[i], bgra[i + 3]);
    }
}
