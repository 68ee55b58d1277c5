using Microsoft.Extensions.Logging;
using StreamEngine.Core.Scene;
using StreamEngine.Host.Config;
using StreamEngine.Sdk;
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
                show: config.ShowId ?? Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(scenePath)) ?? "show"));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("configuration", "REDIS_URL", e.Message);
        }
    }

    /// <summary>
    /// The saved state of this scene, or null (nothing saved, another scene's state, or the store is unreachable: then
    /// logged). A snapshot that is corrupt or fails the show's rules is set aside with a log line saying where and why,
    /// and the show starts from its scene file: a bad snapshot never stops a start.
    /// </summary>
    /// <param name="limitsFor">The bounds of show state at the frame a scene will be shown at.</param>
    public static async Task<SavedScene?> LoadAsync(IStateStore store, string scenePath, Func<SceneState, ShowLimits> limitsFor, ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            SavedScene? saved;
            string? problem;
            try { saved = SavedScene.Read(await store.LoadShowAsync(cancellationToken), scenePath, DateTimeOffset.UtcNow, limitsFor, out problem); }
            catch (CorruptSnapshotException e) { (saved, problem) = (null, e.Message); }
            if (problem is not null)
            {
                var aside = await store.SetAsideShowAsync(problem, cancellationToken);
                logger.LogError("The saved show in {Store} is invalid ({Problem}); it was moved aside to {Aside} and the show starts from {Scene}",
                    store.Description, problem, aside, scenePath);
                return null;
            }
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
