using System.Text.Json.Nodes;

namespace StreamEngine.State;

/// <summary>
/// Where a show's state lives so that a restart (or another engine) can pick it up: the scene snapshot
/// (layers, running animations and triggers, script state) and append-only event streams for what must never
/// be lost (bids, sales). SQLite is the embedded default; Redis is for production and several engines.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>What the store is, for logs and health, with any password masked (<c>sqlite:data/show.db</c>, <c>redis://host:6379</c>).</summary>
    string Description { get; }

    /// <summary>
    /// The last saved snapshot, or null when none was saved. Throws <see cref="StoreUnavailableException"/>, or
    /// <see cref="CorruptSnapshotException"/> when the snapshot is there but cannot be read.
    /// </summary>
    Task<ShowSnapshot?> LoadShowAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves the snapshot out of the way (kept for a person to look at, never loaded again), because it is corrupt or
    /// fails validation; returns where it went. Throws <see cref="StoreUnavailableException"/>.
    /// </summary>
    Task<string> SetAsideShowAsync(string reason, CancellationToken cancellationToken) =>
        Task.FromResult("nowhere (this store keeps no copy; the next save replaces it)");

    /// <summary>Replaces the snapshot. Throws <see cref="StoreUnavailableException"/>.</summary>
    Task SaveShowAsync(ShowSnapshot show, CancellationToken cancellationToken);

    /// <summary>Appends an entry to a stream; when the task completes the entry is durable. Throws <see cref="StoreUnavailableException"/>.</summary>
    Task AppendEventAsync(string stream, JsonObject entry, CancellationToken cancellationToken);

    /// <summary>Every entry of a stream, oldest first.</summary>
    Task<IReadOnlyList<JsonObject>> ReadEventsAsync(string stream, CancellationToken cancellationToken);
}

/// <summary>A snapshot of a show: the scene in its JSON shape (with "animations", "triggers", "scripts"), and the frame it was taken at.</summary>
public sealed record ShowSnapshot(JsonObject Scene, long Frame, int Fps, DateTimeOffset SavedAt);

/// <summary>The store cannot be reached or refused the operation; the message says which and why, without secrets.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
