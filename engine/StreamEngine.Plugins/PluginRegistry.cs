using Microsoft.Extensions.Logging;
using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Encoding;
using StreamEngine.Sdk.Plugins;

namespace StreamEngine.Plugins;

/// <summary>Collects what one plugin version (or a built-in registrar such as ffmpeg's) registers, through its registrar or the scan.</summary>
public sealed class PluginRegistry(ILoggerFactory loggers) : IPluginRegistry
{
    private readonly List<ILayerType> _layerTypes = [];
    private readonly List<IEasing> _easings = [];
    private readonly List<IEasingProvider> _easingProviders = [];
    private readonly List<IChatSourceType> _chatSources = [];
    private readonly List<IChatStage> _chatStages = [];
    private readonly List<IShowBehaviour> _behaviours = [];
    private readonly List<IEncoderType> _encoders = [];
    private readonly List<IAudioSourceType> _audioSources = [];
    private readonly List<ICliCommand> _cliCommands = [];
    private readonly List<IIngestSetup> _ingestSetups = [];

    public ILoggerFactory Loggers => loggers;

    public void AddLayerType(ILayerType layerType) => _layerTypes.Add(Checked(layerType));
    public void AddEasing(IEasing easing) => _easings.Add(Checked(easing));
    public void AddEasingProvider(IEasingProvider provider) => _easingProviders.Add(Checked(provider));
    public void AddChatSource(IChatSourceType sourceType) => _chatSources.Add(Checked(sourceType));
    public void AddChatStage(IChatStage stage) => _chatStages.Add(Checked(stage));
    public void AddBehaviour(IShowBehaviour behaviour) => _behaviours.Add(Checked(behaviour));
    public void AddEncoder(IEncoderType encoderType) => _encoders.Add(Checked(encoderType));
    public void AddAudioSource(IAudioSourceType sourceType) => _audioSources.Add(Checked(sourceType));
    public void AddCliCommand(ICliCommand command) => _cliCommands.Add(Checked(command));
    public void AddIngestSetup(IIngestSetup setup) => _ingestSetups.Add(Checked(setup));

    /// <summary>Adds every contribution a service provider built by the scan holds.</summary>
    internal void AddAll(IServiceProvider scanned)
    {
        foreach (var c in Services<ILayerType>(scanned)) AddLayerType(c);
        foreach (var c in Services<IEasing>(scanned)) AddEasing(c);
        foreach (var c in Services<IEasingProvider>(scanned)) AddEasingProvider(c);
        foreach (var c in Services<IChatSourceType>(scanned)) AddChatSource(c);
        foreach (var c in Services<IChatStage>(scanned)) AddChatStage(c);
        foreach (var c in Services<IShowBehaviour>(scanned)) AddBehaviour(c);
        foreach (var c in Services<IEncoderType>(scanned)) AddEncoder(c);
        foreach (var c in Services<IAudioSourceType>(scanned)) AddAudioSource(c);
        foreach (var c in Services<ICliCommand>(scanned)) AddCliCommand(c);
        foreach (var c in Services<IIngestSetup>(scanned)) AddIngestSetup(c);
    }

    public PluginContributions Contributions() => new([.. _layerTypes], [.. _easings], [.. _easingProviders])
    {
        ChatSources = [.. _chatSources], ChatStages = [.. _chatStages], Behaviours = [.. _behaviours],
        Encoders = [.. _encoders], AudioSources = [.. _audioSources], CliCommands = [.. _cliCommands],
        IngestSetups = [.. _ingestSetups],
    };

    private static IEnumerable<T> Services<T>(IServiceProvider provider) =>
        (IEnumerable<T>?)provider.GetService(typeof(IEnumerable<T>)) ?? [];

    private static T Checked<T>(T contribution) where T : class => contribution ?? throw new ArgumentNullException(nameof(contribution));
}
