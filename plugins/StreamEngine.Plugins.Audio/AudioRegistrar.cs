using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins.Audio;

/// <summary>The audio sources that come with the engine: silence, a music file or playlist, the espeak-ng voice, effect sounds and a live input.</summary>
public sealed class AudioRegistrar : IPluginRegistrar
{
    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        registry.AddAudioSource(new SilenceType());
        registry.AddAudioSource(new MusicFile.Type());
        registry.AddAudioSource(new EspeakVoice.Type());
        registry.AddAudioSource(new EffectSounds.Type());
        registry.AddAudioSource(new LiveInput.Type());
    }
}
