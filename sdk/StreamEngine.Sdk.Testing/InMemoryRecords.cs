using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamEngine.Sdk.Behaviours;

namespace StreamEngine.Sdk.Testing;

/// <summary>A behaviour's records kept in memory, with the engine's rule for stream names.</summary>
public sealed partial class InMemoryRecords : IBehaviourRecords
{
    private readonly Dictionary<string, List<JsonObject>> _streams = [];

    /// <summary>When set, every append throws it, as an unavailable state store does.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The records of one stream, oldest first.</summary>
    public IReadOnlyList<JsonObject> this[string stream]
    {
        get { lock (_streams) return _streams.TryGetValue(stream, out var list) ? [.. list] : []; }
    }

    /// <inheritdoc />
    public Task AppendAsync(string stream, JsonObject record, CancellationToken cancellationToken)
    {
        if (!StreamName().IsMatch(stream)) throw new ArgumentException($"stream: expected letters, digits, '-' and '_', got '{stream}'", nameof(stream));
        if (Failure is { } failure) return Task.FromException(failure);
        lock (_streams)
        {
            if (!_streams.TryGetValue(stream, out var list)) _streams[stream] = list = [];
            list.Add((JsonObject)record.DeepClone());
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JsonObject>> ReadAsync(string stream, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JsonObject>>([.. this[stream].Select(r => (JsonObject)r.DeepClone())]);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StreamName();
}
