using System.Text.Json.Nodes;
using StreamEngine.Sdk.Behaviours;
using StreamEngine.State;

namespace StreamEngine.Application;

/// <summary>
/// A behaviour's records in the show's state store, as streams named <c>behaviour:{id}:{stream}</c>: an append is
/// durable when it completes (write before acknowledge). Without a store (an offline render) nothing can be recorded.
/// </summary>
public sealed class BehaviourRecords(string behaviour, StateWriter? writer, IStateStore? store) : IBehaviourRecords
{
    public Task AppendAsync(string stream, JsonObject record, CancellationToken cancellationToken) =>
        (writer ?? throw new InvalidOperationException("this show has no state store, so behaviours cannot keep records")).AppendAsync(Stream(stream), (JsonObject)record.DeepClone(), cancellationToken);

    public Task<IReadOnlyList<JsonObject>> ReadAsync(string stream, CancellationToken cancellationToken) =>
        (store ?? throw new InvalidOperationException("this show has no state store, so behaviours have no records")).ReadEventsAsync(Stream(stream), cancellationToken);

    private string Stream(string stream) => ChatSettings.Name().IsMatch(stream)
        ? $"behaviour:{behaviour}:{stream}"
        : throw new ArgumentException($"stream: expected 1 to 64 letters, digits, '.', '_' or '-', got '{stream}'", nameof(stream));
}
