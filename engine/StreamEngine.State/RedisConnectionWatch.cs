using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>
/// Follows a Redis connection: logs it going down and coming back (once each per outage, never exception text or
/// configuration) and remembers whether the server refused the credentials. StackExchange.Redis only sometimes says
/// so in the exception of a failed command (not while a reconnect is under way), so the reason is kept here.
/// </summary>
internal sealed class RedisConnectionWatch
{
    private readonly string _description;
    private readonly ILogger _logger;
    private int _down;
    private volatile bool _credentialsRejected;

    /// <param name="connectLog">What StackExchange.Redis wrote while connecting; only searched, never logged (it may hold configuration).</param>
    public RedisConnectionWatch(ConnectionMultiplexer redis, string description, ILogger logger, string connectLog)
    {
        _description = description;
        _logger = logger;
        redis.ConnectionFailed += (_, e) => OnFailed(e.FailureType);
        redis.ConnectionRestored += (_, _) => OnRestored();
        if (redis.IsConnected)
        {
            logger.LogInformation("State store {Description} connected", description);
            return;
        }
        _credentialsRejected = RedisFailure.MentionsAuthentication(connectLog);
        Interlocked.Exchange(ref _down, 1);
        logger.LogWarning("State store {Description} is not reachable yet ({Reason}); reconnecting in the background", description,
            _credentialsRejected ? "credentials refused" : "no connection");
    }

    /// <summary>The last connection attempt failed authentication, and no command has succeeded since.</summary>
    public bool CredentialsRejected => _credentialsRejected;

    public void Succeeded() => _credentialsRejected = false;

    public void Failed(Exception e)
    {
        if (RedisFailure.IsAuthentication(e)) _credentialsRejected = true;
    }

    private void OnFailed(ConnectionFailureType failure)
    {
        if (failure == ConnectionFailureType.AuthenticationFailure) _credentialsRejected = true;
        if (Interlocked.Exchange(ref _down, 1) == 0)
            _logger.LogWarning("Redis connection of {Description} lost ({Failure})", _description, failure);
    }

    private void OnRestored()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
            _logger.LogInformation("Redis connection of {Description} restored", _description);
    }
}
