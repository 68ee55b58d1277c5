using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamEngine.TestFixtures;

namespace StreamEngine.State.Tests;

/// <summary>The write-behind and retry behaviour on fake time, over a real SQLite store that the test can switch off.</summary>
public sealed class StateWriterTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _dir = new("se-writer");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 25, 20, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _log = new();
    private SwitchableStore _store = null!;
    private StateWriter _writer = null!;

    public Task InitializeAsync()
    {
        _store = new SwitchableStore(SqliteStateStore.Open(_dir.Root, NullLogger<SqliteStateStore>.Instance));
        _writer = new StateWriter(_store, _log.For<StateWriter>(), _time);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_burst_of_changes_is_one_save_of_the_last_snapshot_within_100ms()
    {
        for (var frame = 1; frame <= 100; frame++) _writer.SceneChanged(Shows.At(frame));
        Assert.True(_writer.Health.SnapshotPending);

        _time.Advance(StateWriter.WriteBehindDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _store.Attempts);
        _time.Advance(TimeSpan.FromMilliseconds(100) - StateWriter.WriteBehindDelay + TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => _writer.Counters.Saves == 1, "the save");

        _time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(100); // nothing else is due: no second save may follow
        Assert.Equal([100L], _store.Saved.Select(s => s.Frame));
        Assert.Equal(100, (await _store.LoadShowAsync(None))!.Frame);
        Assert.Equal(new StateHealth(StateHealthStatus.Healthy, null, null, false), _writer.Health);
    }

    [Fact]
    public async Task Changes_during_an_outage_keep_only_the_newest_and_retries_back_off_to_5_seconds()
    {
        _store.Down = true;
        _writer.SceneChanged(Shows.At(1));
        _time.Advance(StateWriter.WriteBehindDelay);
        await Eventually.TrueAsync(() => _writer.Counters.SaveFailures == 1, "the first failure");
        Assert.Equal(StateHealthStatus.Degraded, _writer.Health.Status);
        Assert.Equal(_time.GetUtcNow(), _writer.Health.Since);
        Assert.Contains("switched off", _writer.Health.Reason);

        // Retries come after 100, 200, 400 … ms, capped at 5 s; the scene keeps changing meanwhile.
        TimeSpan[] backoff = [.. new[] { 100, 200, 400, 800, 1600, 3200, 5000, 5000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];
        for (var i = 0; i < backoff.Length; i++)
        {
            _writer.SceneChanged(Shows.At(10 + i));
            _time.Advance(backoff[i] - TimeSpan.FromMilliseconds(1));
            Assert.Equal(i + 1, _store.Attempts);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => _writer.Counters.SaveFailures == i + 2, $"retry {i + 1}");
        }
        Assert.Equal(1, _log.Count(LogLevel.Warning));

        _writer.SceneChanged(Shows.At(99));
        _store.Down = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => _writer.Health.Status == StateHealthStatus.Healthy, "recovery");
        Assert.Equal([99L], _store.Saved.Select(s => s.Frame));
        Assert.False(_writer.Health.SnapshotPending);
        Assert.Equal(1, _log.Count(LogLevel.Warning));
        Assert.Contains(_log.Lines, l => l.StartsWith("Information:", StringComparison.Ordinal) && l.Contains("is back"));
    }

    [Fact]
    public async Task Appends_are_written_through_and_a_failed_append_throws()
    {
        await _writer.AppendAsync("bids", new JsonObject { ["amount"] = 120 }, None);
        Assert.Equal(120, (int)(await _store.ReadEventsAsync("bids", None)).Single()["amount"]!);

        _store.Down = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _writer.AppendAsync("bids", new JsonObject { ["amount"] = 130 }, None));
        Assert.Equal(StateHealthStatus.Degraded, _writer.Health.Status);

        _store.Down = false;
        await _writer.AppendAsync("bids", new JsonObject { ["amount"] = 140 }, None);
        Assert.Equal(StateHealthStatus.Healthy, _writer.Health.Status);
        Assert.Equal((2L, 1L), (_writer.Counters.Appends, _writer.Counters.AppendFailures));
    }

    [Fact]
    public async Task Disposing_saves_a_pending_snapshot_without_waiting_for_the_delay()
    {
        _writer.SceneChanged(Shows.At(7));
        await _writer.DisposeAsync();

        Assert.Equal(7, (await _store.LoadShowAsync(None))!.Frame);
        _writer.SceneChanged(Shows.At(8)); // ignored once disposed, and does not throw
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }
}
