using StreamEngine.Sdk.Audio;

namespace StreamEngine.Encoding.FFmpeg.Tests.Support;

/// <summary>The sound half of a flash + beep sync pattern: a 1 kHz beep of 100 ms at the start of every second, silence between, by sample count.</summary>
public sealed class BeepEverySecond(AudioFormat format) : IAudioSource
{
    private long _sample;

    public AudioFormat Format => format;

    public TimeSpan Read(Span<short> destination)
    {
        var start = _sample;
        for (var i = 0; i < format.SamplesPerFrame; i++, _sample++)
        {
            var inSecond = _sample % format.SampleRate;
            var value = inSecond < format.SampleRate / 10 ? (short)(Math.Sin(2 * Math.PI * 1000 * _sample / format.SampleRate) * 16000) : (short)0;
            for (var c = 0; c < format.Channels; c++) destination[i * format.Channels + c] = value;
        }
        return TimeSpan.FromSeconds((double)start / format.SampleRate);
    }
}
