using StreamEngine.Core.Pipeline;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Core.Audio;

/// <summary>
/// The show's sound: every channel (music bed, voices, effects, live input) at its gain, music ducked while a voice
/// speaks, then brought to the loudness target under a peak ceiling. It is the encoder's audio source. Sounds are
/// placed at the show time they were asked for, in samples, never by the wall clock: the encoder may read the mix
/// only up to the frame the frame thread has reached (it waits for it, at most a second), so a sound asked for in a
/// frame is never late for it and an offline render sounds the same every time.
/// </summary>
public sealed partial class AudioMixer : IAudioSource, IFrameHook
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    private readonly object _lock = new(); // Monitor.Wait: the encoder's reader waits for the frame thread
    private readonly MixerChannel[] _channels;
    private readonly LoudnessControl? _loudness;
    private readonly double _origin;
    private readonly float[] _mix;
    private readonly float[] _channelMix;
    private readonly float[]? _music; // the clean music track, with AudioMixOptions.MusicTrack
    private readonly short[] _read;
    private readonly LevelMeter _level = new();
    private double _horizon;
    private bool _ended;
    private long _position;
    private float _duck = 1;

    /// <param name="format">The PCM the encoder wants.</param>
    /// <param name="channels">The sources, in the order they are listed.</param>
    /// <param name="options">Ducking and loudness.</param>
    /// <param name="originSeconds">The show time of the first sample (a restored show starts later than 0).</param>
    public AudioMixer(AudioFormat format, IEnumerable<AudioChannel> channels, AudioMixOptions options, double originSeconds = 0)
    {
        Format = format;
        Options = options;
        _channels = [.. channels.Select(c => new MixerChannel(c))];
        _loudness = options.LoudnessLufs is { } lufs ? new LoudnessControl(format.SampleRate, format.Channels, lufs, options.TruePeakDb) : null;
        (_origin, _horizon) = (originSeconds, originSeconds);
        _mix = new float[format.SamplesPerFrame * format.Channels];
        _channelMix = new float[_mix.Length];
        if (options.MusicTrack) _music = new float[_mix.Length];
        _read = new short[_mix.Length];
    }

    /// <summary>The mix's own layout (one track); <see cref="IAudioSource.Format"/> says what <see cref="Read"/> writes.</summary>
    public AudioFormat Format { get; }

    /// <summary>What the encoder reads: the program, and with <see cref="AudioMixOptions.MusicTrack"/> the clean music as a second track.</summary>
    AudioFormat IAudioSource.Format => _music is null ? Format : Format with { Tracks = 2 };

    public AudioMixOptions Options { get; }

    /// <summary>The loudness stage's gain now, in dB (0 without a target).</summary>
    public double LoudnessGainDb => _loudness?.GainDb ?? 0;

    /// <summary>The mix as the encoder receives it: its level, peak and loudness now.</summary>
    public AudioMixStatus Status()
    {
        lock (_lock)
            return new AudioMixStatus(Options.LoudnessLufs, _level.RmsDb, _level.PeakDb, _loudness?.ShortTermLufs, LoudnessGainDb,
                _origin + (double)_position / Format.SampleRate);
    }

    /// <summary>Frame thread, each frame before scripts run: the mix may be read up to this frame's start.</summary>
    public void OnFrame(FrameTime time)
    {
        lock (_lock)
        {
            _horizon = Math.Max(_horizon, time.Seconds);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The show ended: the encoder may read the mix to the end of the last frame without waiting.</summary>
    public void End()
    {
        lock (_lock)
        {
            _ended = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The encoder's reader: the next frame of the mix.</summary>
    public TimeSpan Read(Span<short> destination)
    {
        lock (_lock)
        {
            var frame = Format.SamplesPerFrame;
            var end = _origin + (double)(_position + frame) / Format.SampleRate;
            var waitedUntil = DateTime.UtcNow + LongestWait; // a safety valve only: a stalled frame thread never wedges the encoder
            while (!_ended && _horizon < end && DateTime.UtcNow < waitedUntil) Monitor.Wait(_lock, LongestWait);
            var at = TimeSpan.FromSeconds(_origin + (double)_position / Format.SampleRate);
            Mix(destination);
            _position += frame;
            return at;
        }
    }
}

/// <summary>The mix as the encoder receives it.</summary>
/// <param name="TargetLufs">The loudness target, or null for none.</param>
/// <param name="LevelDb">RMS level over the last 0.4 s, dBFS (−120 for silence).</param>
/// <param name="PeakDb">Highest sample over the last 0.4 s, dBFS.</param>
/// <param name="ShortTermLufs">Loudness over the last 3 s as the loudness stage measures it (EBU R128 gating), after its gain; null without a target or before any sound.</param>
/// <param name="LoudnessGainDb">The loudness stage's gain now.</param>
/// <param name="MixedSeconds">Show time the mix has reached.</param>
public sealed record AudioMixStatus(double? TargetLufs, double LevelDb, double PeakDb, double? ShortTermLufs, double LoudnessGainDb, double MixedSeconds);

/// <summary>How the mixer ducks and normalises.</summary>
/// <param name="DuckDb">How far ducked channels dip while a voice speaks.</param>
/// <param name="LoudnessLufs">The integrated loudness target (EBU R128), or null for none.</param>
/// <param name="TruePeakDb">The true-peak limit.</param>
/// <param name="MusicTrack">Whether the mix also gives a second track: the music beds (the channels that duck) alone, at their gain, not ducked.</param>
public sealed record AudioMixOptions(double DuckDb = -12, double? LoudnessLufs = -16, double TruePeakDb = -1, bool MusicTrack = false);
