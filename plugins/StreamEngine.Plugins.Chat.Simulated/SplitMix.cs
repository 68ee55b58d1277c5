namespace StreamEngine.Plugins.Chat.Simulated;

/// <summary>
/// A tiny seeded generator (SplitMix64) made afresh for each message from the seed and the message's number, so message
/// n is the same whenever and however often it is produced — and the same on every .NET version, unlike System.Random.
/// </summary>
internal struct SplitMix(ulong state)
{
    public static SplitMix For(long seed, long message) => new((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)message * 0xBF58476D1CE4E5B9UL);

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An index in [0, count).</summary>
    public int Below(int count) => (int)(Next() % (ulong)Math.Max(1, count));

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
