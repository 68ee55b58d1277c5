using Microsoft.Extensions.Logging;
using StreamEngine.Sdk.Animation;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Encoding;

namespace StreamEngine.Sdk.Plugins;

/// <summary>
/// What a plugin's <see cref="IPluginRegistrar"/> adds its contributions to. Names must be unique across the loaded
/// plugins: a name another plugin already registers refuses the whole plugin, with a message naming both.
/// </summary>
public interface IPluginRegistry
{
    /// <summary>Loggers for the plugin's contributions (each message names the plugin's category).</summary>
    ILoggerFactory Loggers { get; }

    /// <summary>A layer type, by its <see cref="ILayerType.Name"/>.</summary>
    void AddLayerType(ILayerType layerType);

    /// <summary>A named easing.</summary>
    void AddEasing(IEasing easing);

    /// <summary>A family of easings read from a specification such as <c>cubic-bezier(…)</c>.</summary>
    void AddEasingProvider(IEasingProvider provider);

    /// <summary>A kind of chat source (a platform), by its <see cref="IChatSourceType.Name"/>.</summary>
    void AddChatSource(IChatSourceType sourceType);

    /// <summary>A chat stage, by its <see cref="IChatStage.Name"/>.</summary>
    void AddChatStage(IChatStage stage);

    /// <summary>A show behaviour, by its <see cref="IShowBehaviour.Id"/>.</summary>
    void AddBehaviour(IShowBehaviour behaviour);

    /// <summary>An encoder, by its <see cref="IEncoderType.Id"/> (what <c>ENCODER</c> names).</summary>
    void AddEncoder(IEncoderType encoderType);

    /// <summary>A kind of audio source, by its <see cref="IAudioSourceType.Name"/>.</summary>
    void AddAudioSource(IAudioSourceType sourceType);

    /// <summary>A command for the engine's command line, by its <see cref="ICliCommand.Name"/> (<c>./stream-engine x …</c>).</summary>
    void AddCliCommand(ICliCommand command);

    /// <summary>A live ingest set up through a platform's API, by its <see cref="IIngestSetup.Preset"/> (<c>--output x</c> with <c>X_BROADCAST=auto</c>).</summary>
    void AddIngestSetup(IIngestSetup setup) { }
}
