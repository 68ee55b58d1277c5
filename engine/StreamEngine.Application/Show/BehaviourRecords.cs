using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.State;

namespace StreamEngine.Application;

/// <summary>
/// A behaviour's records in the show's state store, as streams named <c>behaviour:{id}:{stream}</c>: an append is
/// durable when it completes (write before acknowledge). Without a store (an offline render) the records are kept in
/// <paramref name="memory"/> for the run, so a behaviour works the same in a render and nothing outlasts it.
/// </summary>
public sealed class BehaviourRecords(string behaviour, StateWriter? writer, IStateStore? store, ConcurrentDictionary<string, List<JsonObject>>? memory = null)
    : IBehaviourRecords
{
    /// <summary>False without a store: the auctioneer then announces each event in the frame it happened, so renders repeat.</summary>
    public bool Durable => writer is not null;

    public Task AppendAsync(string stream, JsonObject record, CancellationToken cancellationToken)
    {
        var copy = (JsonObject)record.DeepClone();
        if (writer is not null) return writer.AppendAsync(Stream(stream), copy, cancellationToken);
        var kept = (memory ?? throw new InvalidOperationException("this show has no state store, so behaviours cannot keep records")).GetOrAdd(Stream(stream), _ => []);
        lock (kept) kept.Add(copy);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JsonObject>> ReadAsync(string stream, CancellationToken cancellationToken)
    {
        if (store is not null) return store.ReadEventsAsync(Stream(stream), cancellationToken);
        if (memory is null) throw new InvalidOperationException("this show has no state store, so behaviours have no records");
        if (!memory.TryGetValue(Stream(stream), out var kept)) return Task.FromResult<IReadOnlyList<JsonObject>>([]);
        lock (kept) return Task.FromResult<IReadOnlyList<JsonObject>>([.. kept.Select(r => (JsonObject)r.DeepClone())]);
    }

    private string Stream(string stream) => ChatSettings.Name().IsMatch(stream)
        ? $"behaviour:{behaviour}:{stream}"
        : throw new ArgumentException($"stream: expected 1 to 64 letters, digits, '.', '_' or '-', got '{stream}'", nameof(stream));
}
