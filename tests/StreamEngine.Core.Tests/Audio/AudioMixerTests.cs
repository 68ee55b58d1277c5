using StreamEngine.Core.Audio;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Core.Tests.Audio;

/// <summary>
/// The mixer on sample time (no clock, no encoder): a music bed as a steady tone, a voice as tone bursts played at
/// set times, the mix read frame by frame as the encoder reads it and measured.
/// </summary>
public sealed class AudioMixerTests
{
    private static readonly AudioFormat Format = new();

    [Fact]
    public void Between_two_lines_a_quiet_bed_stays_under_the_voice_instead_of_being_pulled_up_to_the_target()
    {
        var mixer = Mixer(bedAmplitude: 0.1, loudness: -16);
        mixer.Play("host", Tone(330, 0.3, seconds: 5), 5);
        mixer.Play("host", Tone(330, 0.3, seconds: 5), 17);
        var mix = Read(mixer, seconds: 22);

        var speech = Db(mix, 8, 9.5);
        var bedBetween = Db(mix, 13, 16.5);
        Assert.True(bedBetween < speech - 6, $"the bed between lines ({bedBetween:0.0} dB) should stay well under the voice ({speech:0.0} dB)");
        Assert.InRange(Db(mix, 20, 21.5) - speech, -1.5, 1.5); // the second line as loud as the first
    }

    [Fact]
    public void A_bed_louder_than_the_target_is_brought_down_between_lines_too()
    {
        var mixer = Mixer(bedAmplitude: 0.9, loudness: -16);
        mixer.Play("host", Tone(330, 0.05, seconds: 2), 4);
        var mix = Read(mixer, seconds: 16);
        Assert.True(Db(mix, 14, 16) < Db(mix, 6.5, 7.5) - 3, "a loud bed should be turned down after the line as well");
    }

    [Fact]
    public void The_reported_levels_follow_gain_and_mute()
    {
        var mixer = Mixer(bedAmplitude: 0.3, loudness: null);
        Read(mixer, seconds: 1);
        var before = mixer.Channels().Single(c => c.Id == "music").LevelDb;
        Assert.InRange(before, -20, -14); // a 0.3 sine: about -13.5 dBFS RMS, 3 dB down for the bed's gain
        mixer.SetGain("music", -23);
        Read(mixer, seconds: 1);
        Assert.InRange(mixer.Channels().Single(c => c.Id == "music").LevelDb - before, -21, -19);
        Assert.InRange(mixer.Status().LevelDb - before, -21, -19);
        mixer.SetMuted("music", true);
        Read(mixer, seconds: 1);
        Assert.Equal(-120, mixer.Channels().Single(c => c.Id == "music").LevelDb);
        Assert.Equal(3, mixer.Status().MixedSeconds, 1);
        Assert.Throws<ArgumentException>(() => mixer.SetGain("music", 13));
        Assert.Throws<ArgumentException>(() => mixer.SetGain("ghost", 0));
    }

    private static AudioMixer Mixer(double bedAmplitude, double? loudness)
    {
        var mixer = new AudioMixer(Format, [
            new AudioChannel("music", "file", new ToneSource(440, bedAmplitude), GainDb: -3, Duck: true),
            new AudioChannel("host", "tts", new Cues(), VoiceOf: "host")], new AudioMixOptions(LoudnessLufs: loudness));
        mixer.End(); // read without waiting for frames: the test is the frame clock
        return mixer;
    }

    private static float[] Read(AudioMixer mixer, double seconds)
    {
        var frame = new short[Format.SamplesPerFrame * Format.Channels];
        var mix = new List<float>();
        for (var i = 0; i < seconds * Format.SampleRate / Format.SamplesPerFrame; i++)
        {
            mixer.Read(frame);
            for (var s = 0; s < frame.Length; s += Format.Channels) mix.Add(frame[s] / 32768f);
        }
        return [.. mix];
    }

    /// <summary>RMS level of the left channel between two times, dBFS.</summary>
    private static double Db(float[] mono, double from, double to)
    {
        var (a, b) = ((int)(from * Format.SampleRate), (int)(to * Format.SampleRate));
        var sum = 0.0;
        for (var i = a; i < b; i++) sum += mono[i] * mono[i];
        return 10 * Math.Log10(sum / (b - a) + 1e-12);
    }

    private static ReadOnlyMemory<short> Tone(double hz, double amplitude, double seconds)
    {
        var samples = new short[(int)(seconds * Format.SampleRate) * Format.Channels];
        for (var i = 0; i < samples.Length / Format.Channels; i++)
            samples[i * 2] = samples[i * 2 + 1] = (short)(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * i / Format.SampleRate));
        return samples;
    }

    /// <summary>A steady tone: the music bed.</summary>
    private sealed class ToneSource(double hz, double amplitude) : IAudioSource
    {
        private long _n;

        public AudioFormat Format => AudioMixerTests.Format;

        public TimeSpan Read(Span<short> destination)
        {
            var at = TimeSpan.FromSeconds((double)_n / Format.SampleRate);
            for (var i = 0; i < destination.Length / 2; i++, _n++)
                destination[i * 2] = destination[i * 2 + 1] = (short)(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * _n / Format.SampleRate));
            return at;
        }
    }

    /// <summary>A voice channel: the lines are played with <see cref="AudioMixer.Play"/>, so it renders nothing itself.</summary>
    private sealed class Cues : IAudioCueSource
    {
        public AudioFormat Format => AudioMixerTests.Format;

        public TimeSpan Read(Span<short> destination) => TimeSpan.Zero;

        public Task<ReadOnlyMemory<short>> RenderAsync(string cue, CancellationToken cancellationToken) => Task.FromResult(Tone(330, 0.3, 1));
    }
}
