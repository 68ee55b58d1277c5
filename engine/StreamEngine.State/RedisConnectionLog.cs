using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>Logs a Redis connection going down and coming back, once each per outage; never the exception text or config.</summary>
internal static class RedisConnectionLog
{
    public static void Attach(ConnectionMultiplexer redis, string description, ILogger logger)
    {
        var down = 0;
        redis.ConnectionFailed += (_, e) =>
        {
            if (Interlocked.Exchange(ref down, 1) == 0)
                logger.LogWarning("Redis connection of {Description} lost ({Failure})", description, e.FailureType);
        };
        redis.ConnectionRestored += (_, _) =>
        {
            if (Interlocked.Exchange(ref down, 0) == 1)
                logger.LogInformation("Redis connection of {Description} restored", description);
        };
        if (redis.IsConnected)
            logger.LogInformation("State store {Description} connected", description);
        else
        {
            Interlocked.Exchange(ref down, 1);
            logger.LogWarning("State store {Description} is not reachable yet; reconnecting in the background", description);
        }
    }
}
