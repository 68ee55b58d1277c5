using System.Globalization;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace StreamEngine.State;

/// <summary>Export and import of a show's keys, each as one Lua script: Redis runs a script atomically, so the read is consistent while the show writes.</summary>
public sealed partial class RedisStateStore : IArchivableStore
{
    // The snapshot, then each stream key followed by its entries. KEYS is fine here: one show's handful of keys, on demand.
    private const string ExportScript = """
        local out = { redis.call('GET', KEYS[1]) or false }
        for _, key in ipairs(redis.call('KEYS', ARGV[1])) do
          out[#out + 1] = key
          out[#out + 1] = redis.call('XRANGE', key, '-', '+')
        end
        return out
        """;

    // ARGV: the stream key pattern, the snapshot ('' for none), then (stream key, json, time) for every entry in order.
    private const string ImportScript = """
        for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end
        redis.call('DEL', KEYS[1])
        if ARGV[2] ~= '' then redis.call('SET', KEYS[1], ARGV[2]) end
        for i = 3, #ARGV, 3 do redis.call('XADD', ARGV[i], '*', 'json', ARGV[i + 1], 'time', ARGV[i + 2]) end
        return 1
        """;

    public async Task<StateArchive> ExportAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("export the show", () => _db.ScriptEvaluateAsync(ExportScript, [_prefix + "snapshot"], [StreamPattern]), cancellationToken);
        var parts = (RedisResult[])result!;
        var show = parts[0].IsNull ? null : ParseSnapshot((string)parts[0]!);
        var streams = new Dictionary<string, IReadOnlyList<ArchivedEvent>>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < parts.Length; i += 2)
        {
            var name = ((string)parts[i]!)[(_prefix + "events:").Length..];
            streams[name] = ((RedisResult[])parts[i + 1]!).Select(entry =>
            {
                var fields = (RedisResult[])((RedisResult[])entry!)[1]!;
                var values = new Dictionary<string, string>();
                for (var f = 0; f + 1 < fields.Length; f += 2) values[(string)fields[f]!] = (string)fields[f + 1]!;
                return new ArchivedEvent(JsonNode.Parse(values["json"]) as JsonObject
                    ?? throw new StoreUnavailableException($"an entry of stream '{name}' in {Description} is not a JSON object"),
                    DateTimeOffset.Parse(values["time"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            }).ToList();
        }
        return new StateArchive(show, streams);
    }

    public Task ImportAsync(StateArchive archive, CancellationToken cancellationToken)
    {
        List<RedisValue> args = [StreamPattern, archive.Show is { } show ? SnapshotJson(show) : ""];
        foreach (var (stream, entries) in archive.Streams)
            foreach (var e in entries) args.AddRange([(RedisValue)(string)StreamKey(stream)!, e.Entry.ToJsonString(), StateArchive.Text(e.Time)]);
        return RunAsync("import the show", () => _db.ScriptEvaluateAsync(ImportScript, [_prefix + "snapshot"], [.. args]), cancellationToken);
    }

    private string StreamPattern => _prefix + "events:*";
}
