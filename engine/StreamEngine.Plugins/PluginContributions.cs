using StreamEngine.Sdk;
using StreamEngine.Sdk.Animation;
using StreamEngine.Sdk.Audio;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.Sdk.Chat;
using StreamEngine.Sdk.Encoding;

namespace StreamEngine.Plugins;

/// <summary>The implementations of SDK contracts a plugin contributes (by its registrar, or found by scanning).</summary>
public sealed record PluginContributions(IReadOnlyList<ILayerType> LayerTypes, IReadOnlyList<IEasing> Easings, IReadOnlyList<IEasingProvider> EasingProviders)
{
    public static readonly PluginContributions None = new([], [], []);

    public IReadOnlyList<IChatSourceType> ChatSources { get; init; } = [];

    public IReadOnlyList<IChatStage> ChatStages { get; init; } = [];

    public IReadOnlyList<IShowBehaviour> Behaviours { get; init; } = [];

    public IReadOnlyList<IEncoderType> Encoders { get; init; } = [];

    public IReadOnlyList<IAudioSourceType> AudioSources { get; init; } = [];

    /// <summary>Commands for the engine's command line; the host runs them when no command of its own has the name.</summary>
    public IReadOnlyList<Sdk.Plugins.ICliCommand> CliCommands { get; init; } = [];

    /// <summary>Live ingests set up through a platform's API, for the output preset they name.</summary>
    public IReadOnlyList<IIngestSetup> IngestSetups { get; init; } = [];

    public override string ToString() => string.Join("; ", new[]
    {
        Names("layer types", LayerTypes.Select(t => t.Name)),
        Easings.Count > 0 ? $"{Easings.Count} easings" : null,
        EasingProviders.Count > 0 ? $"{EasingProviders.Count} easing functions" : null,
        Names("chat sources", ChatSources.Select(s => s.Name)),
        Names("chat stages", ChatStages.Select(s => s.Name)),
        Names("behaviours", Behaviours.Select(b => b.Id)),
        Names("encoders", Encoders.Select(e => e.Id)),
        Names("audio sources", AudioSources.Select(a => a.Name)),
        Names("commands", CliCommands.Select(c => c.Name)),
        Names("ingest setups", IngestSetups.Select(s => s.Preset)),
    }.OfType<string>());

    private static string? Names(string what, IEnumerable<string> names) => names.Any() ? $"{what} {string.Join(", ", names)}" : null;
}
