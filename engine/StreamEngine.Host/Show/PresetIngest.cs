using Microsoft.Extensions.Logging;
using StreamEngine.Application;
using StreamEngine.Host.Config;
using StreamEngine.Plugins;
using StreamEngine.Sdk.Encoding;

namespace StreamEngine.Host.Show;

/// <summary>
/// <c>--output x</c> with <c>X_BROADCAST=auto</c>: once plugins are loaded, the plugin that sets X broadcasts up
/// (<see cref="IIngestSetup"/>) creates or reuses the ingest and goes live, and its URL and key take the preset's place
/// among the outputs; when the show ends the broadcast is ended. A setup that fails stops the run before streaming,
/// with the plugin's reason, as a missing X_INGEST_URL does.
/// </summary>
internal sealed class PresetIngest(IIngestSetup setup, ILogger logger) : IAsyncDisposable
{
    public static async Task<(IReadOnlyList<OutputSpec> Targets, PresetIngest? Ingest)> OpenAsync(IReadOnlyList<OutputSpec> targets, EngineConfig config,
        PluginCatalog plugins, ILoggerFactory loggers, CancellationToken ct)
    {
        var preset = targets.Select(t => t.Preset).OfType<OutputPreset>().FirstOrDefault(p => p.IngestFromPlugin(config));
        if (preset is null) return (targets, null);
        var setup = plugins.IngestSetup(preset.Name) ?? throw new UserInputException("--output", "X_BROADCAST",
            $"X_BROADCAST=auto needs a plugin that sets {preset.Name} broadcasts up (the X plugin is not loaded); or set {preset.UrlSetting} and {preset.KeySetting}");
        IngestPoint point;
        try { point = await setup.OpenAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new UserInputException("--output", "X_BROADCAST", $"X_BROADCAST=auto could not set the broadcast up: {e.Message}");
        }
        if (!Uri.TryCreate(point.Url, UriKind.Absolute, out var url) || url.Scheme is not ("rtmps" or "rtmp") || url.UserInfo.Length > 0
            || string.IsNullOrWhiteSpace(point.StreamKey) || point.StreamKey.Any(c => c is '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new UserInputException("--output", "X_BROADCAST", $"the {preset.Name} plugin's ingest is not an rtmps:// URL with a stream key");
        var target = $"{point.Url.TrimEnd('/')}/{point.StreamKey}";
        return ([.. targets.Select(t => t.Preset == preset ? t with { IngestTarget = target } : t)], new PresetIngest(setup, loggers.CreateLogger<PresetIngest>()));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await setup.CloseAsync(wait.Token);
        }
        catch (Exception e) { logger.LogWarning("The {Preset} broadcast could not be ended: {Reason}", setup.Preset, e.Message); }
    }
}
