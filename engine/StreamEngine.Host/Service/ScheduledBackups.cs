using Microsoft.Extensions.Logging;
using StreamEngine.Host.Config;
using StreamEngine.State;

namespace StreamEngine.Host.Service;

/// <summary>
/// Every BACKUP_INTERVAL seconds, a copy of the SQLite store made with SQLite's online backup API into BACKUP_DIR,
/// keeping the newest BACKUP_KEEP. Off the frame thread; a failed backup is logged and tried again next time, never
/// stopping the show. With Redis the store is backed up by Redis itself (AOF/RDB) or by <c>state export</c>.
/// </summary>
internal sealed class ScheduledBackups : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ScheduledBackups(EngineConfig config, string folder, ILogger logger) =>
        _loop = RunAsync(config, folder, logger, _stop.Token);

    /// <summary>Starts backing up when BACKUP_INTERVAL is set and the store is SQLite; null otherwise.</summary>
    public static ScheduledBackups? Start(EngineConfig config, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("backups");
        if (config.BackupIntervalSeconds == 0) return null;
        if (config.RedisUrl is not null)
        {
            logger.LogWarning("BACKUP_INTERVAL is set but the show's state is in Redis: back it up with Redis' persistence or state export");
            return null;
        }
        var folder = Path.GetFullPath(config.BackupDirectory ?? Path.Combine(config.DataDirectory, "backups"));
        logger.LogInformation("Backing up the show every {Seconds} s into {Folder}, keeping the newest {Keep}", config.BackupIntervalSeconds, folder, config.BackupKeep);
        return new ScheduledBackups(config, folder, logger);
    }

    private static async Task RunAsync(EngineConfig config, string folder, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.BackupIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    var file = await Task.Run(() => SqliteBackups.Backup(config.DataDirectory, folder, config.BackupKeep, DateTimeOffset.UtcNow), stop);
                    logger.LogInformation("Backed up the show to {File}", file);
                }
                catch (StoreUnavailableException e)
                {
                    logger.LogWarning("Backup failed, trying again in {Seconds} s: {Reason}", config.BackupIntervalSeconds, e.Message);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
