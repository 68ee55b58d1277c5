using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>Turns what StackExchange.Redis throws into one short reason an operator can act on, without credentials.</summary>
internal static class RedisFailure
{
    public static string Explain(Exception e, IConnectionMultiplexer redis, bool passwordGiven, bool credentialsRejected)
    {
        if (IsAuthentication(e) || (credentialsRejected && e is RedisConnectionException))
            return passwordGiven
                ? "Redis refused the credentials; check REDIS_PASSWORD (or the password in REDIS_URL)"
                : "Redis requires a password; set REDIS_PASSWORD (or put it in REDIS_URL as redis://:password@host:port)";
        return e switch
        {
            RedisConnectionException c => $"Redis is unreachable ({c.FailureType})",
            RedisTimeoutException or TimeoutException => redis.IsConnected
                ? "Redis did not answer in time"
                : "Redis is unreachable (no connection within the timeout)",
            RedisServerException s => "Redis answered with an error: " + FirstLine(s.Message),
            ObjectDisposedException => "the Redis connection is closed",
            System.Text.Json.JsonException j => "the stored value is not valid JSON: " + j.Message,
            _ => FirstLine(e.Message),
        };
    }

    public static bool IsAuthentication(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }) return true;
            if (MentionsAuthentication(inner.Message)) return true;
        }
        return false;
    }

    public static bool MentionsAuthentication(string text) =>
        text.Contains("NOAUTH", StringComparison.Ordinal) || text.Contains("WRONGPASS", StringComparison.Ordinal)
        || text.Contains("AuthenticationFailure", StringComparison.Ordinal);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
