using Microsoft.Extensions.Logging;
using StreamEngine.Host.Config;
using StreamEngine.State;

namespace StreamEngine.Host.Show;

/// <summary>Opens the configured state store (SQLite in the data directory, or Redis) and reads a saved show from it.</summary>
internal static class ShowStore
{
    public static IStateStore Open(EngineConfig config, string scenePath, ILoggerFactory loggers)
    {
        try
        {
            return StateStores.Open(config.RedisUrl, config.RedisPassword?.Value, config.DataDirectory, loggers,
                show: Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(scenePath)) ?? "show"));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("configuration", "REDIS_URL", e.Message);
        }
    }

    /// <summary>The saved state of this scene, or null (nothing saved, another scene's state, or the store is unreachable: then logged).</summary>
    public static async Task<SavedScene?> LoadAsync(IStateStore store, string scenePath, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var saved = SavedScene.For(await store.LoadShowAsync(cancellationToken), scenePath, DateTimeOffset.UtcNow);
            if (saved is not null)
                logger.LogInformation("Restoring the show from {Store}: {Layers} layers, {Animations} animations, at frame {Frame}",
                    store.Description, saved.Scene.Layers.Count, saved.Scene.Animations.Count, saved.Frame);
            return saved;
        }
        catch (StoreUnavailableException e)
        {
            logger.LogError("Cannot read the saved show from {Store} ({Reason}); starting from the scene file", store.Description, e.Message);
            return null;
        }
    }
}
