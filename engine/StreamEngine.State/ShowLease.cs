using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>
/// The right to run a show, for engines sharing one Redis: a key holding "INSTANCE|TOKEN" with a time to live, taken
/// only when free (SET NX PX in one script) and renewed only by its holder (compare, then PEXPIRE: the single-instance
/// Redlock pattern). Each take increments the show's fencing counter, so tokens only grow; the store's writes are
/// checked against it (<see cref="RedisStateStore.FencingToken"/>).
/// </summary>
public sealed class ShowLease
{
    private const string TakeScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder then return { 0, holder } end
        local token = redis.call('INCR', KEYS[2])
        local value = ARGV[1] .. '|' .. token
        redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
        return { token, value }
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IDatabase _db;
    private readonly RedisKey _key, _fence;
    private string? _value;

    internal ShowLease(IDatabase db, string prefix, string instance, TimeSpan timeToLive, string store)
    {
        _db = db;
        _key = prefix + "lease";
        _fence = prefix + "fence";
        Instance = instance;
        TimeToLive = timeToLive;
        Store = store;
    }

    public string Instance { get; }
    public TimeSpan TimeToLive { get; }
    public string Store { get; }

    /// <summary>The fencing token of the lease this engine holds; 0 before it took one.</summary>
    public long Token { get; private set; }

    /// <summary>Who holds the lease as last seen ("INSTANCE|TOKEN"), or null when free.</summary>
    public string? Holder { get; private set; }

    /// <summary>Takes the lease when it is free; true when this engine now holds it. Throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when Redis cannot be asked.</summary>
    public async Task<bool> TryTakeAsync()
    {
        var answer = (RedisResult[])(await _db.ScriptEvaluateAsync(TakeScript, [_key, _fence], [Instance, (long)TimeToLive.TotalMilliseconds])
            .WaitAsync(RedisStateStore.OperationTimeout))!;
        Holder = (string?)answer[1];
        if ((long)answer[0] == 0) return false;
        (Token, _value) = ((long)answer[0], Holder);
        return true;
    }

    /// <summary>Extends the lease by its time to live; false when it is no longer this engine's (expired and taken, or deleted).</summary>
    public async Task<bool> RenewAsync() => _value is not null
        && (long)await _db.ScriptEvaluateAsync(RenewScript, [_key], [_value, (long)TimeToLive.TotalMilliseconds]).WaitAsync(RedisStateStore.OperationTimeout) == 1;

    /// <summary>Gives the lease up (a clean stop), so a standby takes over at once instead of after the time to live.</summary>
    public async Task ReleaseAsync()
    {
        if (_value is null) return;
        await _db.ScriptEvaluateAsync(ReleaseScript, [_key], [_value]).WaitAsync(RedisStateStore.OperationTimeout);
        _value = null;
    }
}
