using System.Text.Json.Nodes;

namespace StreamEngine.Sdk.Audio;

/// <summary>
/// Where the encoder takes the show's audio from: interleaved signed 16-bit PCM at a fixed rate, in frames of a fixed
/// number of samples per channel, each with its show-time timestamp. The encoder reads at the rate it needs; a source
/// that has nothing yet fills silence, so audio never stalls the video.
/// </summary>
public interface IAudioSource
{
    /// <summary>The sample rate and channel count; fixed for the source's lifetime.</summary>
    AudioFormat Format { get; }

    /// <summary>Fills <paramref name="destination"/> with the next frame (<see cref="AudioFormat.SamplesPerFrame"/> × channels × tracks samples).</summary>
    /// <param name="destination">Exactly one frame of interleaved samples.</param>
    /// <returns>The show time of the frame's first sample.</returns>
    TimeSpan Read(Span<short> destination);
}

/// <summary>The PCM layout of an audio source.</summary>
/// <param name="SampleRate">Samples per second per channel: 48000 or 44100.</param>
/// <param name="Channels">1 (mono) or 2 (stereo).</param>
/// <param name="SamplesPerFrame">Samples per channel in one frame (1024 for AAC).</param>
public sealed record AudioFormat(int SampleRate = 48_000, int Channels = 2, int SamplesPerFrame = 1024)
{
    /// <summary>
    /// Tracks carried side by side, each of <see cref="Channels"/> channels (1 for a source; the engine's mixer gives 2
    /// when the scene asks for a clean music track): a frame holds <see cref="SamplesPerFrame"/> × channels × tracks
    /// samples, interleaved per sample, the first track's channels first. The encoder makes one audio stream of each.
    /// </summary>
    public int Tracks { get; init; } = 1;

    /// <summary>The show time one frame lasts.</summary>
    public TimeSpan FrameDuration => TimeSpan.FromSeconds((double)SamplesPerFrame / SampleRate);
}

/// <summary>A kind of audio source a plugin provides (a file player, a mixer, a text-to-speech voice).</summary>
public interface IAudioSourceType
{
    /// <summary>The name the configuration gives.</summary>
    string Name { get; }

    /// <summary>A new source producing <paramref name="format"/>; throws <see cref="FormatException"/> naming a setting that cannot work.</summary>
    /// <param name="format">The PCM layout the encoder wants.</param>
    /// <param name="settings">The source's settings from the configuration.</param>
    IAudioSource Create(AudioFormat format, JsonObject settings);
}

/// <summary>The first audio source: silence, timestamped frame after frame.</summary>
/// <param name="format">The PCM layout.</param>
public sealed class SilenceAudioSource(AudioFormat format) : IAudioSource
{
    private long _frames;

    /// <inheritdoc />
    public AudioFormat Format => format;

    /// <inheritdoc />
    public TimeSpan Read(Span<short> destination)
    {
        destination.Clear();
        return TimeSpan.FromSeconds((double)_frames++ * format.SamplesPerFrame / format.SampleRate);
    }
}
