namespace StreamEngine.Scripting;

/// <summary>The script API's sound controls, grouped as JavaScript sees them (<c>audio.play</c>, <c>audio.gain</c>, <c>audio.mute</c>).</summary>
public sealed class ScriptAudio(ScriptGlobals show)
{
    /// <summary>Plays a sound of the effects channel, or of <paramref name="channel"/>.</summary>
    public void Play(string cue, string? channel = null) => show.PlaySound(cue, channel);

    /// <summary>Sets a channel's gain in dB (−60 to +12).</summary>
    public void Gain(string channel, double gainDb) => show.SetAudio(channel, gainDb: gainDb);

    /// <summary>Mutes (or unmutes) a channel.</summary>
    public void Mute(string channel, bool muted = true) => show.SetAudio(channel, muted: muted);
}
