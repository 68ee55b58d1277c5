using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>
/// The shared store: a Redis server that several engines can use at once, each show under its own key prefix
/// <c>streamengine:{show}:</c> (the braces are a Redis Cluster hash tag, so a show's keys live on one node).
/// The snapshot is one JSON string; each event stream is a Redis Stream. An append is durable as far as the server's
/// persistence settings make it (appendonly with appendfsync always for the strictest).
/// When Redis is unreachable every call fails within <see cref="OperationTimeout"/> with <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed partial class RedisStateStore : IStateStore
{
    /// <summary>The longest any call waits for Redis before giving up.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(2);

    private readonly ConnectionMultiplexer _redis;
    private readonly IDatabase _db;
    private readonly RedisLocation _location;
    private readonly RedisConnectionWatch _watch;
    private readonly TimeProvider _time;
    private readonly string _prefix;

    private RedisStateStore(ConnectionMultiplexer redis, RedisLocation location, string show, TimeProvider time,
        ILogger logger, string connectLog)
    {
        _redis = redis;
        _db = redis.GetDatabase(location.Database);
        _location = location;
        _time = time;
        _prefix = KeyPrefix(show);
        Description = $"{location} show={show}";
        _watch = new RedisConnectionWatch(redis, Description, logger, connectLog);
    }

    public string Description { get; }

    /// <summary>The prefix of every key a show uses.</summary>
    public static string KeyPrefix(string show) => $"streamengine:{{{show}}}:";

    /// <summary>
    /// Connects to Redis. When it is down this returns after a short connect timeout and keeps reconnecting in the
    /// background; calls fail with <see cref="StoreUnavailableException"/> until it is back.
    /// </summary>
    public static RedisStateStore Connect(RedisLocation location, string show, ILogger<RedisStateStore> logger, TimeProvider? time = null)
    {
        ValidateShow(show);
        var options = new ConfigurationOptions
        {
            EndPoints = { { location.Host, location.Port } },
            User = location.User,
            Password = location.Password,
            DefaultDatabase = location.Database,
            Ssl = location.UseTls,
            ClientName = "streamengine-" + show,
            AbortOnConnectFail = false,
            ConnectTimeout = 1000,
            ConnectRetry = 1,
            SyncTimeout = 1000,
            AsyncTimeout = 1000,
            // Commands fail at once while disconnected instead of queueing; the StateWriter keeps the latest itself.
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new LinearRetry(500),
        };
        using var connectLog = new StringWriter();
        var redis = ConnectionMultiplexer.Connect(options, connectLog);
        return new RedisStateStore(redis, location, show, time ?? TimeProvider.System, logger, connectLog.ToString());
    }

    public async Task<ShowSnapshot?> LoadShowAsync(CancellationToken cancellationToken)
    {
        var value = await RunAsync("load the show", () => _db.StringGetAsync(_prefix + "snapshot"), cancellationToken);
        return value.IsNullOrEmpty ? null : ParseSnapshot(value.ToString());
    }

    private ShowSnapshot ParseSnapshot(string value)
    {
        try
        {
            var json = JsonNode.Parse(value) as JsonObject;
            if (json?["scene"] is not JsonObject scene)
                throw new CorruptSnapshotException($"the snapshot in {Description} has no scene object");
            json.Remove("scene");
            return new ShowSnapshot(scene, (long)json["frame"]!, (int)json["fps"]!,
                DateTimeOffset.Parse((string)json["savedAt"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new CorruptSnapshotException($"the snapshot in {Description} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Renames the snapshot key to <c>…snapshot:set-aside:TIME</c>; the reason is logged by the caller. Fenced like every
    /// write: a former active engine cannot move the show's snapshot away from under the engine that took it over.
    /// </summary>
    public async Task<string> SetAsideShowAsync(string reason, CancellationToken cancellationToken)
    {
        var aside = $"{_prefix}snapshot:set-aside:{_time.GetUtcNow():yyyyMMddTHHmmssZ}";
        await RunAsync("set the snapshot aside", () => RenameSnapshotAsync(aside), cancellationToken);
        return $"key {aside}";
    }

    public Task SaveShowAsync(ShowSnapshot show, CancellationToken cancellationToken) =>
        RunAsync("save the show", () => SetSnapshotAsync(SnapshotJson(show)), cancellationToken);

    private static string SnapshotJson(ShowSnapshot show) => new JsonObject
    {
        ["scene"] = show.Scene.DeepClone(),
        ["frame"] = show.Frame,
        ["fps"] = show.Fps,
        ["savedAt"] = show.SavedAt.ToString("O", CultureInfo.InvariantCulture),
    }.ToJsonString();

    public Task AppendEventAsync(string stream, JsonObject entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        var time = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return RunAsync($"append to stream '{stream}'", () => AppendAsync(StreamKey(stream), entry.ToJsonString(), time), cancellationToken);
    }

    public async Task<IReadOnlyList<JsonObject>> ReadEventsAsync(string stream, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        var entries = await RunAsync($"read stream '{stream}'", () => _db.StreamRangeAsync(StreamKey(stream)), cancellationToken);
        return entries.Select(e => JsonNode.Parse(e["json"].ToString()) as JsonObject
            ?? throw new StoreUnavailableException($"an entry of stream '{stream}' in {Description} is not a JSON object")).ToList();
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    private RedisKey StreamKey(string stream) => _prefix + "events:" + stream;

    private async Task<T> RunAsync<T>(string what, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var result = await operation().WaitAsync(OperationTimeout, cancellationToken);
            _watch.Succeeded();
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException or System.Text.Json.JsonException)
        {
            _watch.Failed(e);
            var reason = RedisFailure.Explain(e, _redis, _location.Password is not null, _watch.CredentialsRejected);
            throw new StoreUnavailableException($"{Description} could not {what}: {reason}", e);
        }
    }

    private static void ValidateShow(string show)
    {
        if (string.IsNullOrWhiteSpace(show) || show.Any(c => char.IsWhiteSpace(c) || c is '{' or '}'))
            throw new ArgumentException($"show id '{show}' cannot name Redis keys: use letters, digits, '-' or '_'", nameof(show));
    }
}
