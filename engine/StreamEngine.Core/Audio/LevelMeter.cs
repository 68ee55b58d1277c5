namespace StreamEngine.Core.Audio;

/// <summary>
/// The level of a signal over its last 0.4 s (as a meter shows it, like R128's momentary window): RMS and peak in
/// dBFS, from the frames the mixer adds up. Touched under the mixer's lock.
/// </summary>
internal sealed class LevelMeter
{
    private const int Frames = 19; // 1024-sample frames at 48 kHz: about 0.4 s
    private readonly Queue<(double Sum, int Count, float Peak)> _frames = new();

    public double RmsDb
    {
        get
        {
            var (sum, count) = (0.0, 0);
            foreach (var f in _frames) (sum, count) = (sum + f.Sum, count + f.Count);
            return Decibels(count == 0 ? 0 : Math.Sqrt(sum / count));
        }
    }

    public double PeakDb => Decibels(_frames.Count == 0 ? 0 : _frames.Max(f => f.Peak));

    public void Add(ReadOnlySpan<float> samples)
    {
        var (sum, peak) = (0.0, 0f);
        foreach (var s in samples)
        {
            sum += s * s;
            peak = Math.Max(peak, Math.Abs(s));
        }
        _frames.Enqueue((sum, samples.Length, peak));
        if (_frames.Count > Frames) _frames.Dequeue();
    }

    private static double Decibels(double amplitude) => amplitude <= 1e-6 ? -120 : Math.Round(20 * Math.Log10(amplitude), 1);
}
