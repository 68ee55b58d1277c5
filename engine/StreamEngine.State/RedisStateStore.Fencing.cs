using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>
/// Fenced writes: once an engine holds the show's lease (<see cref="ShowLease"/>), every write it makes runs as a Lua
/// script that first compares its fencing token with the show's current one. A standby that took the lease over has
/// a larger token, so a former active engine that was only cut off (paused, partitioned) and comes back cannot
/// overwrite the show: its writes fail with "fenced".
/// </summary>
public sealed partial class RedisStateStore
{
    private const string FencedSet = """
        local current = redis.call('GET', KEYS[1])
        if current ~= ARGV[1] then
          return redis.error_reply('FENCED this engine\'s lease (token ' .. ARGV[1] .. ') was taken over (token ' .. tostring(current) .. ')')
        end
        redis.call('SET', KEYS[2], ARGV[2])
        return 1
        """;

    private const string FencedAppend = """
        local current = redis.call('GET', KEYS[1])
        if current ~= ARGV[1] then
          return redis.error_reply('FENCED this engine\'s lease (token ' .. ARGV[1] .. ') was taken over (token ' .. tostring(current) .. ')')
        end
        return redis.call('XADD', KEYS[2], '*', 'json', ARGV[2], 'time', ARGV[3])
        """;

    private const string FencedRename = """
        local current = redis.call('GET', KEYS[1])
        if current ~= ARGV[1] then
          return redis.error_reply('FENCED this engine\'s lease (token ' .. ARGV[1] .. ') was taken over (token ' .. tostring(current) .. ')')
        end
        return redis.call('RENAME', KEYS[2], KEYS[3])
        """;

    /// <summary>The token every write is checked against; null (no failover) writes unchecked.</summary>
    public long? FencingToken
    {
        get => Interlocked.Read(ref _fencing) is var t && t > 0 ? t : null;
        set => Interlocked.Exchange(ref _fencing, value ?? 0);
    }

    private long _fencing;

    /// <summary>The lease of this store's show, for an engine named <paramref name="instance"/>.</summary>
    public ShowLease Lease(string instance, TimeSpan timeToLive) => new(_db, _prefix, instance, timeToLive, Description);

    internal string FenceKey => _prefix + "fence";

    private async Task<bool> SetSnapshotAsync(string json)
    {
        if (FencingToken is not { } token) return await _db.StringSetAsync(_prefix + "snapshot", json);
        await _db.ScriptEvaluateAsync(FencedSet, [FenceKey, _prefix + "snapshot"], [token, json]);
        return true;
    }

    private async Task<bool> RenameSnapshotAsync(RedisKey aside)
    {
        if (FencingToken is not { } token) return await _db.KeyRenameAsync(_prefix + "snapshot", aside);
        await _db.ScriptEvaluateAsync(FencedRename, [FenceKey, _prefix + "snapshot", aside], [token]);
        return true;
    }

    private async Task<RedisValue> AppendAsync(RedisKey key, string json, string time)
    {
        if (FencingToken is not { } token) return await _db.StreamAddAsync(key, [new("json", json), new("time", time)]);
        return (RedisValue)await _db.ScriptEvaluateAsync(FencedAppend, [FenceKey, key], [token, json, time]);
    }
}
