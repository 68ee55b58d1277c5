using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StreamEngine.Encoding.FFmpeg;

/// <summary>
/// <see cref="I420Converter"/>'s 256-bit path: two rows at a time, 32 pixels per step (four vectors of eight BGRA
/// pixels per row). Same integer formulas as the scalar path, lane by lane.
/// </summary>
internal static class I420Vector256
{
    private const int Step = 32;

    /// <summary>Converts the leading whole steps of a row pair; returns the pixels done (the rest is left to the scalar path).</summary>
    public static int Rows(ReadOnlySpan<uint> top, ReadOnlySpan<uint> bottom, Span<byte> yTop, Span<byte> yBottom, Span<byte> u, Span<byte> v)
    {
        ref var t = ref MemoryMarshal.GetReference(top);
        ref var b = ref MemoryMarshal.GetReference(bottom);
        var x = 0;
        for (; x + Step <= top.Length; x += Step)
        {
            var t0 = Vector256.LoadUnsafe(ref t, (nuint)x); var t1 = Vector256.LoadUnsafe(ref t, (nuint)x + 8);
            var t2 = Vector256.LoadUnsafe(ref t, (nuint)x + 16); var t3 = Vector256.LoadUnsafe(ref t, (nuint)x + 24);
            var b0 = Vector256.LoadUnsafe(ref b, (nuint)x); var b1 = Vector256.LoadUnsafe(ref b, (nuint)x + 8);
            var b2 = Vector256.LoadUnsafe(ref b, (nuint)x + 16); var b3 = Vector256.LoadUnsafe(ref b, (nuint)x + 24);
            Luma(t0, t1, t2, t3).StoreUnsafe(ref MemoryMarshal.GetReference(yTop), (nuint)x);
            Luma(b0, b1, b2, b3).StoreUnsafe(ref MemoryMarshal.GetReference(yBottom), (nuint)x);
            var (u0, v0) = Chroma(t0, t1, b0, b1);
            var (u1, v1) = Chroma(t2, t3, b2, b3);
            Vector256.Narrow(Vector256.Narrow(u0, u1), Vector256<ushort>.Zero).GetLower().StoreUnsafe(ref MemoryMarshal.GetReference(u), (nuint)(x / 2));
            Vector256.Narrow(Vector256.Narrow(v0, v1), Vector256<ushort>.Zero).GetLower().StoreUnsafe(ref MemoryMarshal.GetReference(v), (nuint)(x / 2));
        }
        return x;
    }

    private static Vector256<byte> Luma(Vector256<uint> p0, Vector256<uint> p1, Vector256<uint> p2, Vector256<uint> p3) =>
        Vector256.Narrow(Vector256.Narrow(Luma(p0), Luma(p1)), Vector256.Narrow(Luma(p2), Luma(p3)));

    private static Vector256<uint> Luma(Vector256<uint> p)
    {
        var mask = Vector256.Create(0xFFu);
        var b = p & mask; var g = (p >> 8) & mask; var r = (p >> 16) & mask;
        return ((r * 66 + g * 129 + b * 25 + Vector256.Create(128u)) >> 8) + Vector256.Create(16u);
    }

    /// <summary>U and V for the eight 2×2 blocks under sixteen columns of two rows.</summary>
    private static (Vector256<uint> U, Vector256<uint> V) Chroma(Vector256<uint> top0, Vector256<uint> top1, Vector256<uint> bottom0, Vector256<uint> bottom1)
    {
        var rbMask = Vector256.Create(0xFF00FFu);
        var rb = PairSum((top0 & rbMask) + (bottom0 & rbMask), (top1 & rbMask) + (bottom1 & rbMask));
        var g = PairSum(((top0 >> 8) & rbMask) + ((bottom0 >> 8) & rbMask), ((top1 >> 8) & rbMask) + ((bottom1 >> 8) & rbMask));
        var two = Vector256.Create(2);
        var blue = ((rb & Vector256.Create(0x3FFu)).AsInt32() + two) >> 2;
        var red = ((rb >> 16).AsInt32() + two) >> 2;
        var green = ((g & Vector256.Create(0x3FFu)).AsInt32() + two) >> 2;
        var half = Vector256.Create(128);
        var u = Vector256.ShiftRightArithmetic(blue * 112 - red * 38 - green * 74 + half, 8) + half;
        var v = Vector256.ShiftRightArithmetic(red * 112 - green * 94 - blue * 18 + half, 8) + half;
        return (u.AsUInt32(), v.AsUInt32());
    }

    /// <summary>Sums neighbouring lanes: eight lanes of <paramref name="a"/> then <paramref name="b"/> become eight pair sums.</summary>
    private static Vector256<uint> PairSum(Vector256<uint> a, Vector256<uint> b)
    {
        var low = Vector256.Create(0xFFFFFFFFul);
        var a64 = a.AsUInt64(); var b64 = b.AsUInt64();
        return Vector256.Narrow((a64 & low) + (a64 >> 32), (b64 & low) + (b64 >> 32));
    }
}
