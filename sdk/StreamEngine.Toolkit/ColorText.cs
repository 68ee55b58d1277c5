using System.Globalization;
using SkiaSharp;

namespace StreamEngine.Toolkit;

/// <summary>
/// Colors as text the way scene files write them, CSS-style: <c>#rgb</c>, <c>#rrggbb</c> and <c>#rrggbbaa</c>
/// (alpha last, unlike Skia's own <c>#aarrggbb</c>). Layer types and animations read and write colors with it.
/// </summary>
public static class ColorText
{
    /// <summary>Reads a <c>#</c> color; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, out SKColor color)
    {
        color = default;
        if (!text.StartsWith('#')) return false;
        var hex = text[1..];
        if (hex.Length == 3) hex = string.Concat(hex.Select(c => $"{c}{c}"));
        if (hex.Length is not (6 or 8) || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return false;
        if (hex.Length == 6) v = v << 8 | 0xff;
        color = new SKColor((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
        return true;
    }

    /// <summary>Writes <c>#rrggbb</c>, or <c>#rrggbbaa</c> when the color is not opaque.</summary>
    public static string Format(SKColor c) => c.Alpha == 255
        ? $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}"
        : $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}{c.Alpha:x2}";
}
