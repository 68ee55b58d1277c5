using StreamEngine.Sdk.Audio;

namespace StreamEngine.Core.Audio;

/// <summary>One source in the mix, as the show configures it.</summary>
/// <param name="Id">The name scripts and the API use (<c>music</c>, <c>host</c>, <c>fx</c>).</param>
/// <param name="Type">The audio source type it was made from, for the API.</param>
/// <param name="Source">The source.</param>
/// <param name="GainDb">Its level in the mix, −60 to +12 dB.</param>
/// <param name="Duck">Whether it dips while a voice speaks (a music bed).</param>
/// <param name="VoiceOf">The character layer it speaks for (its lines duck the others), or null.</param>
public sealed record AudioChannel(string Id, string Type, IAudioSource Source, double GainDb = 0, bool Duck = false, string? VoiceOf = null);

/// <summary>What the API shows of a channel.</summary>
/// <param name="Id">Its name.</param>
/// <param name="Type">Its source type.</param>
/// <param name="GainDb">Its level.</param>
/// <param name="Muted">Whether it is muted.</param>
/// <param name="Duck">Whether it dips under speech.</param>
/// <param name="VoiceOf">The layer it speaks for, or null.</param>
/// <param name="Playing">Sounds it is playing or has scheduled.</param>
/// <param name="LevelDb">What it adds to the mix now: its RMS level over the last 0.4 s after its gain, mute and ducking and before the loudness stage, in dBFS (−120 for silence).</param>
public sealed record AudioChannelStatus(string Id, string Type, double GainDb, bool Muted, bool Duck, string? VoiceOf, int Playing, double LevelDb);

/// <summary>The running state of a channel in the mixer; touched under the mixer's lock.</summary>
internal sealed class MixerChannel(AudioChannel config)
{
    public AudioChannel Config { get; } = config;
    public double GainDb { get; set; } = config.GainDb;
    public bool Muted { get; set; }
    public float AppliedGain { get; set; } = float.NaN;
    public List<(long Start, ReadOnlyMemory<short> Samples)> Clips { get; } = [];
    public bool IsCue => Config.Source is IAudioCueSource;
    public LevelMeter Level { get; } = new();

    public AudioChannelStatus Status => new(Config.Id, Config.Type, GainDb, Muted, Config.Duck, Config.VoiceOf, Clips.Count, Level.RmsDb);
}
