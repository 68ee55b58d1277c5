namespace StreamEngine.Core.Audio;

/// <summary>
/// Brings the mix to a loudness target and keeps its peaks under a ceiling, in the engine and without look-ahead
/// (a look-ahead in the encoder, like ffmpeg's <c>loudnorm</c>, would make the encoder wait seconds for audio that
/// is paced by the frames, and delay a sound against its picture). It measures the loudness the way EBU R128 does
/// (K-weighting, 400 ms blocks, the −70 LUFS absolute gate and a gate 10 LU under the running level), over the last
/// few seconds of programme, and turns the gain towards the target slowly (at most 6 dB a second, none in silence),
/// so speech and music keep their dynamics. Once a voice has spoken, the level is anchored on the speech (dialogue
/// gating, as broadcast loudness practice does with ATSC A/85): the gain follows the voices' loudness, and while nobody
/// speaks it may only come down (a bed louder than the target), so the music between two lines keeps its place under
/// the voices instead of being pulled up to the target; after 30 s without a word it follows the whole mix again. A peak limiter (instant attack, 80 ms release) holds every sample
/// under the ceiling, 1 dB under the true-peak limit to leave room for inter-sample and AAC overshoot.
/// </summary>
internal sealed class LoudnessControl
{
    private const int BlocksKept = 30; // 100 ms sub-blocks: a 3 s window, like R128's short-term loudness
    private const int SpeechMemoryBlocks = 300; // 30 s
    private readonly int _channels;
    private readonly int _rate;
    private readonly double _target;
    private readonly float _ceiling;
    private readonly KWeighting[] _weighting;
    private readonly Queue<double> _blocks = new();
    private readonly Queue<double> _speech = new(); // the last sub-blocks in which a voice spoke, however long ago
    private double _blockSum;
    private int _blockSamples;
    private bool _blockSpoken;
    private int _sinceSpeech = int.MaxValue;
    private double _gainDb;
    private float _limiterGain = 1;

    public LoudnessControl(int sampleRate, int channels, double targetLufs, double truePeakDb)
    {
        (_rate, _channels, _target) = (sampleRate, channels, targetLufs);
        _ceiling = (float)Math.Pow(10, (truePeakDb - 1) / 20);
        _weighting = [.. Enumerable.Range(0, channels).Select(_ => new KWeighting())];
    }

    /// <summary>The gain applied now, in dB (for metrics).</summary>
    public double GainDb => _gainDb;

    /// <summary>The gated loudness of the last 3 s after the gain, or null before any sound.</summary>
    public double? ShortTermLufs { get; private set; }

    /// <summary>Measures <paramref name="mix"/> (interleaved), applies the loudness gain and the limiter, in place.</summary>
    /// <param name="mix">One frame of the mix.</param>
    /// <param name="speaking">Whether a voice speaks in this frame.</param>
    public void Process(Span<float> mix, bool speaking = false)
    {
        _blockSpoken |= speaking;
        Measure(mix);
        var gain = (float)Math.Pow(10, _gainDb / 20);
        var release = (float)Math.Exp(-1.0 / (0.08 * _rate));
        for (var i = 0; i < mix.Length; i += _channels)
        {
            var peak = 0f;
            for (var c = 0; c < _channels; c++) peak = Math.Max(peak, Math.Abs(mix[i + c] * gain));
            var needed = peak > _ceiling ? _ceiling / peak : 1f;
            _limiterGain = needed < _limiterGain ? needed : 1f - (1f - _limiterGain) * release;
            for (var c = 0; c < _channels; c++) mix[i + c] = Math.Clamp(mix[i + c] * gain * _limiterGain, -_ceiling, _ceiling);
        }
    }

    private void Measure(ReadOnlySpan<float> mix)
    {
        var perBlock = _rate / 10;
        for (var i = 0; i < mix.Length; i += _channels)
        {
            for (var c = 0; c < _channels; c++)
            {
                var weighted = _weighting[c].Next(mix[i + c]);
                _blockSum += weighted * weighted;
            }
            if (++_blockSamples < perBlock) continue;
            _blocks.Enqueue(_blockSum / perBlock);
            if (_blocks.Count > BlocksKept) _blocks.Dequeue();
            var spoken = _blockSpoken;
            if (spoken)
            {
                _speech.Enqueue(_blockSum / perBlock);
                if (_speech.Count > BlocksKept) _speech.Dequeue();
                _sinceSpeech = 0;
            }
            else if (_sinceSpeech < int.MaxValue) _sinceSpeech++;
            (_blockSum, _blockSamples, _blockSpoken) = (0, 0, false);
            if (_sinceSpeech > SpeechMemoryBlocks) Adjust(_blocks, lowerOnly: false);
            else Adjust(spoken ? _speech : _blocks, lowerOnly: !spoken);
        }
    }

    /// <summary>Every 100 ms: the gated loudness of the 400 ms blocks in the window, and a step of the gain towards the target.</summary>
    private void Adjust(Queue<double> window, bool lowerOnly)
    {
        var sub = window.ToArray();
        var blocks = new List<double>();
        for (var i = 3; i < sub.Length; i++) blocks.Add((sub[i] + sub[i - 1] + sub[i - 2] + sub[i - 3]) / 4);
        var loud = blocks.Where(b => Lufs(b) > -70).ToList();
        if (loud.Count == 0) return; // silence: keep the gain
        var relativeGate = Lufs(loud.Average()) - 10;
        var gated = loud.Where(b => Lufs(b) > relativeGate).ToList();
        var measured = Lufs(gated.Average());
        ShortTermLufs = Math.Round(measured + _gainDb, 1);
        var wanted = Math.Clamp(_target - measured, -30, 30);
        _gainDb += Math.Clamp(wanted - _gainDb, -0.6, lowerOnly ? 0 : 0.6);
    }

    private static double Lufs(double meanSquare) => -0.691 + 10 * Math.Log10(meanSquare + 1e-15);

    /// <summary>ITU-R BS.1770 K-weighting at 48 kHz: a high shelf (+4 dB above ~1.5 kHz), then a high-pass at ~38 Hz.</summary>
    private sealed class KWeighting
    {
        private double _x1, _x2, _y1, _y2, _z1, _z2, _w1, _w2;

        public double Next(double x)
        {
            var y = 1.53512485958697 * x - 2.69169618940638 * _x1 + 1.19839281085285 * _x2 + 1.69065929318241 * _y1 - 0.73248077421585 * _y2;
            (_x2, _x1, _y2, _y1) = (_x1, x, _y1, y);
            var w = y - 2 * _z1 + _z2 + 1.99004745483398 * _w1 - 0.99007225036621 * _w2;
            (_z2, _z1, _w2, _w1) = (_z1, y, _w1, w);
            return w;
        }
    }
}
