using Microsoft.Extensions.Logging;

namespace StreamEngine.State;

/// <summary>Chooses the store from the configuration: Redis when REDIS_URL is set, otherwise SQLite in the data directory.</summary>
public static class StateStore
{
    public const string DefaultShow = "default";

    /// <param name="redisUrl">REDIS_URL; null or blank selects the embedded SQLite store.</param>
    /// <param name="redisPassword">REDIS_PASSWORD; wins over a password in the URL.</param>
    /// <param name="dataDirectory">--data; where SQLite keeps <c>show.db</c>.</param>
    /// <param name="show">The show id that namespaces the keys in a Redis shared by several engines.</param>
    /// <exception cref="ArgumentException">REDIS_URL is malformed (the message names it, without the password).</exception>
    /// <exception cref="StoreUnavailableException">The SQLite file cannot be created or opened.</exception>
    public static IStateStore Open(string? redisUrl, string? redisPassword, string dataDirectory, ILoggerFactory loggerFactory,
        string show = DefaultShow, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(redisUrl))
            return SqliteStateStore.Open(dataDirectory, loggerFactory.CreateLogger<SqliteStateStore>(), time);
        var location = RedisLocation.Parse(redisUrl, redisPassword);
        return RedisStateStore.Connect(location, show, loggerFactory.CreateLogger<RedisStateStore>(), time);
    }
}
