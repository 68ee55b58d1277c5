namespace StreamEngine.AvSync;

/// <summary>
/// Finds the two halves of the flash + beep sync pattern in decoded media: flashes in 8x8 grey frames (the picture's
/// mean brightness jumping above half) and beeps in 48 kHz mono s16le PCM (the 5 ms RMS rising above −30 dBFS, with
/// hysteresis down to −40 dBFS so one beep is one onset). One file, linked into the engine's <c>bench av-sync</c> and
/// the tests' measurement, so both measure alike.
/// </summary>
internal static class FlashBeepOnsets
{
    private const int SampleRate = 48000;
    private const int Window = 240; // 5 ms

    /// <summary>Times (s) of the frames that start a flash, plus <paramref name="start"/>.</summary>
    public static List<double> Flashes(byte[] luma, int fps, double start = 0)
    {
        var flashes = new List<double>();
        for (var f = 1; f < luma.Length / 64; f++)
            if (Mean(luma, f) > 128 && Mean(luma, f - 1) <= 128) flashes.Add(start + (double)f / fps);
        return flashes;
    }

    /// <summary>Times (s) at which a beep starts, plus <paramref name="start"/>.</summary>
    public static List<double> Beeps(byte[] pcm, double start = 0)
    {
        var beeps = new List<double>();
        var loud = false;
        for (var w = 0; (w + 1) * Window * 2 <= pcm.Length; w++)
        {
            double sum = 0;
            for (var i = 0; i < Window; i++)
            {
                double s = BitConverter.ToInt16(pcm, (w * Window + i) * 2) / 32768.0;
                sum += s * s;
            }
            var db = 10 * Math.Log10(sum / Window + 1e-12);
            if (db > -30 && !loud) beeps.Add(start + (double)w * Window / SampleRate);
            loud = db > -40 && (loud || db > -30);
        }
        return beeps;
    }

    /// <summary>For each flash, the nearest beep's time minus the flash's (positive: the sound is late); none without beeps.</summary>
    public static List<double> Offsets(List<double> flashes, List<double> beeps) =>
        beeps.Count == 0 ? [] : [.. flashes.Select(f => beeps.MinBy(b => Math.Abs(b - f)) - f)];

    private static double Mean(byte[] luma, int frame)
    {
        var sum = 0;
        for (var i = 0; i < 64; i++) sum += luma[frame * 64 + i];
        return sum / 64.0;
    }
}
