using StreamEngine.Sdk.Audio;

namespace StreamEngine.Core.Audio;

public sealed partial class AudioMixer
{
    /// <summary>The most sounds a channel holds scheduled at once; more are refused (a script in a loop cannot fill memory).</summary>
    public const int MaxScheduled = 32;

    private long _version;

    /// <summary>Counts gain and mute changes (the API's, the scripts'), so the show's state is saved after each.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every channel with its gain, mute and what it is playing.</summary>
    public IReadOnlyList<AudioChannelStatus> Channels()
    {
        lock (_lock) return [.. _channels.Select(c => c.Status)];
    }

    /// <summary>The channel speaking for a character layer, or null.</summary>
    public string? VoiceOf(string layerId) => _channels.FirstOrDefault(c => c.Config.VoiceOf == layerId)?.Config.Id;

    /// <summary>The effects channel <c>audio.play(cue)</c> uses: the first channel that plays cues and is nobody's voice.</summary>
    public string? EffectsChannel => _channels.FirstOrDefault(c => c.IsCue && c.Config.VoiceOf is null)?.Config.Id;

    /// <summary>Sets a channel's level; throws <see cref="ArgumentException"/> naming the channel or the value.</summary>
    public void SetGain(string channel, double gainDb)
    {
        if (!double.IsFinite(gainDb) || gainDb is < -60 or > 12)
            throw new ArgumentException($"gain: expected -60 to 12 dB, got {gainDb}", nameof(gainDb));
        lock (_lock) Find(channel).GainDb = gainDb;
        Interlocked.Increment(ref _version);
    }

    /// <summary>Mutes or unmutes a channel.</summary>
    public void SetMuted(string channel, bool muted)
    {
        lock (_lock) Find(channel).Muted = muted;
        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Renders a cue on a channel that plays cues (off the frame thread); throws <see cref="ArgumentException"/>
    /// naming the channel, and the task fails with <see cref="KeyNotFoundException"/> for a cue the source does not have.
    /// </summary>
    public Task<ReadOnlyMemory<short>> RenderAsync(string channel, string cue, CancellationToken cancellationToken)
    {
        var found = Find(channel);
        var source = found.Config.Source as IAudioCueSource
            ?? throw new ArgumentException($"channel: '{channel}' plays a continuous source, not cues", nameof(channel));
        // A voice starts a synthesiser: off the calling (frame) thread. A bank of effects answers at once, and a hop
        // through a busy thread pool could hold an offline render's script past its time budget for nothing.
        return found.Config.VoiceOf is null ? source.RenderAsync(cue, cancellationToken) : Task.Run(() => source.RenderAsync(cue, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Plays a rendered sound on a channel from <paramref name="atSeconds"/> of show time (now, if the mix is already
    /// past it); returns how long it lasts in seconds.
    /// </summary>
    public double Play(string channel, ReadOnlyMemory<short> samples, double atSeconds)
    {
        lock (_lock)
        {
            var target = Find(channel);
            if (target.Clips.Count >= MaxScheduled)
                throw new ArgumentException($"channel: '{channel}' already has {MaxScheduled} sounds playing or scheduled", nameof(channel));
            var start = Math.Max(_position, (long)Math.Round((atSeconds - _origin) * Format.SampleRate));
            target.Clips.Add((start, samples));
            return (double)samples.Length / Format.Channels / Format.SampleRate;
        }
    }

    private MixerChannel Find(string channel) => _channels.FirstOrDefault(c => c.Config.Id == channel)
        ?? throw new ArgumentException($"channel: no audio channel '{channel}'; expected one of {string.Join(", ", _channels.Select(c => c.Config.Id))}", nameof(channel));
}
