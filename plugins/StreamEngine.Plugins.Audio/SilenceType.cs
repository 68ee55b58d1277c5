using System.Text.Json.Nodes;
using StreamEngine.Sdk.Audio;

namespace StreamEngine.Plugins.Audio;

/// <summary><c>silence</c>: nothing, timestamped; a placeholder channel a script can later fill.</summary>
public sealed class SilenceType : IAudioSourceType
{
    /// <inheritdoc />
    public string Name => "silence";

    /// <inheritdoc />
    public IAudioSource Create(AudioFormat format, JsonObject settings) => new SilenceAudioSource(format);
}
