using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StreamEngine.State.Tests;

/// <summary>A real store that a test can switch off (every call then fails like an unreachable store), and that records saves.</summary>
public sealed class SwitchableStore(IStateStore inner) : IStateStore
{
    private readonly ConcurrentQueue<ShowSnapshot> _saved = new();
    private volatile bool _down;
    private int _attempts;

    public bool Down { get => _down; set => _down = value; }

    public IReadOnlyList<ShowSnapshot> Saved => [.. _saved];

    /// <summary>Save calls, failed or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public string Description => inner.Description;

    public Task<ShowSnapshot?> LoadShowAsync(CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.LoadShowAsync(cancellationToken);
    }

    public async Task SaveShowAsync(ShowSnapshot show, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        ThrowIfDown();
        await inner.SaveShowAsync(show, cancellationToken);
        _saved.Enqueue(show);
    }

    public async Task AppendEventAsync(string stream, JsonObject entry, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        await inner.AppendEventAsync(stream, entry, cancellationToken);
    }

    public Task<IReadOnlyList<JsonObject>> ReadEventsAsync(string stream, CancellationToken cancellationToken) =>
        inner.ReadEventsAsync(stream, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void ThrowIfDown()
    {
        if (_down) throw new StoreUnavailableException($"{Description} is switched off by the test");
    }
}
