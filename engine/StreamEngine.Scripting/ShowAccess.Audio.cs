using Microsoft.Extensions.Logging;
using StreamEngine.Core.Audio;

namespace StreamEngine.Scripting;

public sealed partial class ShowAccess
{
    private readonly List<(string LayerId, string Text, double Seconds, string Channel, Task<ReadOnlyMemory<short>> Voice)> _voicing = [];

    /// <summary>The show's mixer (set by the host when the show has sound); null: lines are shown, not spoken.</summary>
    public AudioMixer? Audio { get; set; }

    /// <summary>
    /// Offline renders (set by the host): the frame thread waits for a line's voice, so the bubble and the voice start
    /// in the same frame every time. Live, the frame never waits: the line starts in the first frame after its voice is ready.
    /// </summary>
    public bool WaitForVoices { get; set; }

    /// <summary>Plays a sound now, on a channel or the effects channel; returns its length in seconds.</summary>
    internal double PlaySound(string cue, string? channel)
    {
        var mixer = Audio ?? throw new ScriptApiException("audio: the show has no sound (add an \"audio\" section to the scene)");
        var target = channel ?? mixer.EffectsChannel ?? throw new ScriptApiException("audio.play: no effects channel; name the channel: audio.play(cue, channel)");
        try
        {
            var render = mixer.RenderAsync(target, cue, CancellationToken.None);
            if (!render.IsCompleted && WaitForVoices) render.Wait();
            if (!render.IsCompleted) { _ = render.ContinueWith(t => PlayLate(mixer, target, t), TaskScheduler.Default); return 0; }
            return mixer.Play(target, render.GetAwaiter().GetResult(), Now.Seconds);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or AggregateException)
        {
            throw new ScriptApiException($"audio.play: {(e as AggregateException)?.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>Sets a channel's gain or mute.</summary>
    internal void Mix(string channel, double? gainDb, bool? muted)
    {
        var mixer = Audio ?? throw new ScriptApiException("audio: the show has no sound (add an \"audio\" section to the scene)");
        try
        {
            if (gainDb is { } g) mixer.SetGain(channel, g);
            if (muted is { } m) mixer.SetMuted(channel, m);
        }
        catch (ArgumentException e) { throw new ScriptApiException("audio: " + e.Message); }
    }

    /// <summary>A character with a voice channel: its line is spoken, and shown when the voice starts (true); false: just shown.</summary>
    private bool SayAloud(string layerId, string text, double seconds)
    {
        if (Audio?.VoiceOf(layerId) is not { } channel) return false;
        var voice = Audio.RenderAsync(channel, text, CancellationToken.None);
        if (WaitForVoices) ((IAsyncResult)voice).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        _voicing.Add((layerId, text, seconds, channel, voice));
        StartVoicedLines();
        return true;
    }

    /// <summary>Each frame: lines whose voice is ready start now, bubble, talking state and voice together; a failed voice shows the line silently.</summary>
    private void StartVoicedLines()
    {
        for (var i = 0; i < _voicing.Count; i++)
        {
            var (layerId, text, seconds, channel, voice) = _voicing[i];
            if (!voice.IsCompleted) continue;
            _voicing.RemoveAt(i--);
            if (voice.IsCompletedSuccessfully && voice.Result.Length > 0)
                seconds = Math.Max(seconds, Audio!.Play(channel, voice.Result, Now.Seconds)); // talking at least while the voice plays
            else
                loggers.CreateLogger<ShowAccess>().LogWarning("The voice of {Layer} could not speak a line ({Reason}); it is shown silently",
                    layerId, voice.Exception?.InnerException?.Message ?? "no sound");
            if (scene.Find(layerId) is not null || PatchOffAir is not null) ShowLine(layerId, text, seconds);
        }
    }

    private void PlayLate(AudioMixer mixer, string channel, Task<ReadOnlyMemory<short>> render)
    {
        if (render.IsCompletedSuccessfully) mixer.Play(channel, render.Result, 0); // "now" for the mix: it never goes back
    }
}
