using SkiaSharp;

namespace AuctionCountdown;

/// <summary>Digits and a colon as seven-segment shapes: a clock that needs no font.</summary>
internal static class SevenSegment
{
    // Segments a–g of each digit, as bits: a = top, b = top right, c = bottom right, d = bottom, e = bottom left, f = top left, g = middle.
    private static readonly int[] Digits = [0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110, 0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111];

    public static void Draw(SKCanvas canvas, string text, SKRect box, SKPaint paint)
    {
        var units = text.Sum(c => c == ':' ? 0.5f : 1f);
        var cell = Math.Min(box.Width / units, box.Height * 0.6f);
        var x = box.Left + (box.Width - cell * units) / 2;
        foreach (var c in text)
        {
            if (c == ':')
            {
                var r = cell * 0.07f;
                canvas.DrawCircle(x + cell * 0.25f, box.Top + box.Height * 0.33f, r, paint);
                canvas.DrawCircle(x + cell * 0.25f, box.Top + box.Height * 0.67f, r, paint);
                x += cell * 0.5f;
                continue;
            }
            if (c is >= '0' and <= '9') Digit(canvas, Digits[c - '0'], new SKRect(x + cell * 0.12f, box.Top, x + cell * 0.88f, box.Bottom), paint);
            x += cell;
        }
    }

    private static void Digit(SKCanvas canvas, int segments, SKRect r, SKPaint paint)
    {
        var t = r.Width * 0.16f; // segment thickness
        var mid = r.MidY;
        SKRect[] shapes =
        [
            new(r.Left + t, r.Top, r.Right - t, r.Top + t),                 // a
            new(r.Right - t, r.Top + t, r.Right, mid - t / 2),              // b
            new(r.Right - t, mid + t / 2, r.Right, r.Bottom - t),           // c
            new(r.Left + t, r.Bottom - t, r.Right - t, r.Bottom),           // d
            new(r.Left, mid + t / 2, r.Left + t, r.Bottom - t),             // e
            new(r.Left, r.Top + t, r.Left + t, mid - t / 2),                // f
            new(r.Left + t, mid - t / 2, r.Right - t, mid + t / 2),         // g
        ];
        for (var i = 0; i < shapes.Length; i++)
            if ((segments >> i & 1) == 1) canvas.DrawRoundRect(shapes[i], t / 3, t / 3, paint);
    }
}
