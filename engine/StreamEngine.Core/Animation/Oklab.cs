using SkiaSharp;

namespace StreamEngine.Core.Animation;

/// <summary>
/// Colors in OKLab (Björn Ottosson, 2020), a perceptual space: interpolating in it gives even-looking
/// fades without the muddy middle of sRGB interpolation.
/// </summary>
public readonly record struct Oklab(double L, double A, double B, double Alpha)
{
    public static Oklab FromColor(SKColor c)
    {
        double r = ToLinear(c.Red / 255.0), g = ToLinear(c.Green / 255.0), b = ToLinear(c.Blue / 255.0);
        var l = Math.Cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        var m = Math.Cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        var s = Math.Cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new Oklab(
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
            c.Alpha / 255.0);
    }

    public SKColor ToColor()
    {
        var l = Math.Pow(L + 0.3963377774 * A + 0.2158037573 * B, 3);
        var m = Math.Pow(L - 0.1055613458 * A - 0.0638541728 * B, 3);
        var s = Math.Pow(L - 0.0894841775 * A - 1.2914855480 * B, 3);
        return new SKColor(
            ToByte(FromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s)),
            ToByte(FromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s)),
            ToByte(FromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s)),
            ToByte(Alpha));
    }

    public static Oklab Lerp(Oklab a, Oklab b, double t) =>
        new(a.L + (b.L - a.L) * t, a.A + (b.A - a.A) * t, a.B + (b.B - a.B) * t, a.Alpha + (b.Alpha - a.Alpha) * t);

    private static double ToLinear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);

    private static double FromLinear(double c) => c <= 0.0031308 ? 12.92 * c : 1.055 * Math.Pow(c, 1 / 2.4) - 0.055;

    private static byte ToByte(double v) => (byte)Math.Round(Math.Clamp(v, 0, 1) * 255);
}
