using System.Text.Json;
using System.Text.Json.Nodes;
using StreamEngine.Core.Audio;

namespace StreamEngine.Application;

/// <summary>
/// The sound over the API: the same mixer the scripts' <c>audio.*</c> calls change. Gain and mute take effect in the
/// mix at once (the frame thread does not take part); a sound starts at the frame on air when it was asked for.
/// Gain and mute are saved with the show (<see cref="SavedMix"/>): a restart with the same state store keeps them.
/// </summary>
public sealed partial class ShowController
{
    private static readonly JsonSerializerOptions AudioJson = new(JsonSerializerDefaults.Web);

    public AudioInfo Audio() => session.Audio is { } mixer ? new AudioInfo(true, mixer.Channels(), mixer.Status()) : new AudioInfo(false, [], null);

    public async Task<AudioChannelStatus> SetAudioChannelAsync(string channel, double? gainDb, bool? muted)
    {
        var mixer = session.Audio ?? throw IShowControl.NoAudio();
        Channel(mixer, channel);
        if (gainDb is { } g && (!double.IsFinite(g) || g is < -60 or > 12))
            throw new ShowRequestException(RequestFailure.Invalid, $"gainDb: expected a number from -60 to 12 (dB), got {g}", "gainDb");
        if (gainDb is null && muted is null)
            throw new ShowRequestException(RequestFailure.Invalid, "expected gainDb (-60 to 12) or muted (true or false)", "gainDb");
        if (gainDb is { } gain) mixer.SetGain(channel, gain);
        if (muted is { } mute) mixer.SetMuted(channel, mute);
        var status = Channel(mixer, channel);
        Publish(EventCategory.Outputs, "AudioChannelChanged", (JsonObject)JsonSerializer.SerializeToNode(status, AudioJson)!);
        await Saved();
        return status;
    }

    public async Task<SoundPlayed> PlaySoundAsync(string cue, string? channel)
    {
        var mixer = session.Audio ?? throw IShowControl.NoAudio();
        if (string.IsNullOrWhiteSpace(cue) || cue.Length > 200)
            throw new ShowRequestException(RequestFailure.Invalid, "cue: expected the name of a sound, 1 to 200 characters (gavel, bid-chime, tick …)", "cue");
        var target = channel ?? mixer.EffectsChannel
            ?? throw new ShowRequestException(RequestFailure.Invalid, "channel: the show has no effects channel; name the channel that plays the sound", "channel");
        Channel(mixer, target);
        ReadOnlyMemory<short> samples;
        try { samples = await mixer.RenderAsync(target, cue, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (ArgumentException) { throw new ShowRequestException(RequestFailure.Invalid, $"channel: '{target}' plays a continuous source (a music bed), not sounds", "channel"); }
        catch (KeyNotFoundException e) { throw new ShowRequestException(RequestFailure.NotFound, $"cue: {e.Message}", "cue"); }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            throw new ShowRequestException(RequestFailure.Failed, $"cue: '{cue}' could not be made: {e.Message}", "cue");
        }
        var at = (double)clock.FrameIndex / session.Format.Fps;
        try
        {
            var played = new SoundPlayed(cue, target, Math.Round(at, 3), Math.Round(mixer.Play(target, samples, at), 3));
            Publish(EventCategory.Outputs, "SoundPlayed", (JsonObject)JsonSerializer.SerializeToNode(played, AudioJson)!);
            return played;
        }
        catch (ArgumentException e) { throw new ShowRequestException(RequestFailure.Conflict, e.Message.Split(" (Parameter")[0], "channel"); }
    }

    private static AudioChannelStatus Channel(AudioMixer mixer, string channel) =>
        mixer.Channels().FirstOrDefault(c => c.Id == channel)
        ?? throw new ShowRequestException(RequestFailure.NotFound,
            $"channel: no audio channel '{channel}'; expected one of {string.Join(", ", mixer.Channels().Select(c => c.Id))}", "channel");
}
