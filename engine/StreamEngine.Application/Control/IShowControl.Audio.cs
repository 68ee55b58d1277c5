using StreamEngine.Core.Audio;

namespace StreamEngine.Application;

/// <summary>The show's sound (docs/audio.md): its channels and the mix, changed like the scripts' <c>audio.*</c> calls.</summary>
public partial interface IShowControl
{
    /// <summary>The channels with their gain, mute and level now, and the mix's level and loudness; a show without sound has none.</summary>
    AudioInfo Audio() => new(false, [], null);

    /// <summary>
    /// Sets a channel's gain (−60 to +12 dB) and/or mutes it; the mix glides to it within one audio frame (21 ms).
    /// An unknown channel is <see cref="RequestFailure.NotFound"/>; a show without sound <see cref="RequestFailure.Unavailable"/>.
    /// </summary>
    Task<AudioChannelStatus> SetAudioChannelAsync(string channel, double? gainDb, bool? muted) => throw NoAudio();

    /// <summary>
    /// Plays a named sound (<c>gavel</c>, <c>bid-chime</c>, <c>tick</c> or one the scene names) on the effects channel, or on
    /// <paramref name="channel"/>, from the frame on air now; returns how long it lasts.
    /// </summary>
    Task<SoundPlayed> PlaySoundAsync(string cue, string? channel) => throw NoAudio();

    internal static ShowRequestException NoAudio() =>
        new(RequestFailure.Unavailable, "this show has no sound: add an \"audio\" section to the scene (docs/audio.md)");
}

/// <param name="Enabled">Whether the show has sound (an <c>audio</c> section).</param>
/// <param name="Channels">Its channels, in the scene's order.</param>
/// <param name="Mix">The mix as the encoder receives it, or null without sound.</param>
public sealed record AudioInfo(bool Enabled, IReadOnlyList<AudioChannelStatus> Channels, AudioMixStatus? Mix);

/// <param name="Cue">The sound played.</param>
/// <param name="Channel">The channel it plays on.</param>
/// <param name="ShowTime">The show time it starts at, in seconds.</param>
/// <param name="Seconds">How long it lasts.</param>
public sealed record SoundPlayed(string Cue, string Channel, double ShowTime, double Seconds);
